// Property tests replay the same cases in every run, so that CI fails on regressions, not on luck; set
// PORTFOLIO_FC_SEED to replay a reported failure or to explore other cases.
const fc = require('fast-check');

fc.configureGlobal({ seed: Number(process.env.PORTFOLIO_FC_SEED ?? 20211215) });
