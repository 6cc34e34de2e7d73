// Names this Jest run, so that suites running the built service build it once per run (see buildServiceOnce).
module.exports = async () => {
  process.env.PORTFOLIO_TEST_RUN = `${Date.now()}-${process.pid}`;
};
