#!/usr/bin/env node
// `npm start`: builds the service only when its sources or configuration changed since the last build, then runs it.
const { join } = require('node:path');
const { ensureBuilt, fullBuild } = require('./build-stamp');

const root = join(__dirname, '..');
ensureBuilt(root, (dir) => {
  process.stderr.write('the sources changed since the last build, or there is none: building (about 30 s)\n');
  fullBuild(dir);
});
require(join(root, 'dist', 'apps', 'api', 'src', 'main.js'));
