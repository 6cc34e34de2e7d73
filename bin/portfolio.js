#!/usr/bin/env node
// The `portfolio-ledger` command (`portfolio` inside the checkout): runs the compiled CLI (npm run build compiles it
// with the API).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('portfolio: the CLI is not built yet; run `npm run build` in the portfolio-ledger folder\n');
  process.exit(2);
}
require(main)
  .runCommandLine(process.argv)
  .then((status) => {
    if (status !== undefined) process.exitCode = status;
  });
