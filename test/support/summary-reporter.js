// Ends every Jest run with one plain line from its aggregated (JSON) summary, so that a run which executed no test
// shows as "0 passed, 0 failed" instead of passing silently; .ci/run repeats it as its very last line.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.file = join(globalConfig.rootDir, '.jest-summary.json');
  }

  onRunComplete(_contexts, results) {
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailedToRun: results.numRuntimeErrorTestSuites,
    };
    writeFileSync(this.file, `${JSON.stringify(summary)}\n`);
    process.stdout.write(`\n${summary.passed} passed, ${summary.failed} failed\n`);
  }
}
module.exports = SummaryReporter;
