// Whether the compiled service in dist/ was built from the sources as they are now, and a build that records it.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

/**
 * What `npm run build` compiles from (`nest build api`: apps/api/tsconfig.app.json; the web workspace: apps/web) and
 * the configuration it builds with.
 */
const SOURCE_FOLDERS = ['apps', 'libs'];
const CONFIG_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'nest-cli.json', 'scripts/build-web.mjs'];
/** Tests are not compiled (tsconfig.app.json excludes them): editing one leaves the build current. */
const NOT_COMPILED = /(\.spec\.ts|\.int-spec\.ts|\.e2e-spec\.ts)$/;

/** Written into dist/ once a build succeeds: the digest of the inputs it was built from. */
const stampFile = (root) => join(root, 'dist', '.built-from');

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'testing') yield* filesUnder(path);
    else if (entry.isFile() && !NOT_COMPILED.test(entry.name)) yield path;
  }
}

/**
 * SHA-256 over the path and bytes of every input: contents rather than modification times, so that a checkout that
 * touches files without changing them (switching branches and back) does not force a build, and a removed file does.
 */
function inputsDigest(root) {
  const hash = createHash('sha256');
  const add = (path, bytes) => hash.update(`${relative(root, path)}\0${bytes.length}\0`).update(bytes);
  for (const file of CONFIG_FILES) {
    const path = join(root, file);
    if (existsSync(path)) add(path, readFileSync(path));
  }
  for (const folder of SOURCE_FOLDERS) for (const path of filesUnder(join(root, folder))) add(path, readFileSync(path));
  return hash.digest('hex');
}

function builtFrom(root) {
  try {
    return readFileSync(stampFile(root), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * `npm run build`: `nest build api`, which empties dist/ first, then the web workspace into dist/web
 * (scripts/build-web.mjs).
 */
function fullBuild(root, stdio = 'inherit') {
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js', { paths: [root] }), 'build', 'api'], {
    cwd: root,
    stdio,
  });
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs')], { cwd: root, stdio });
}

/** Builds with `compile` and records what from; a build that fails leaves no record, so the next start builds again. */
function build(root, compile = fullBuild) {
  const digest = inputsDigest(root);
  rmSync(stampFile(root), { force: true });
  compile(root);
  writeFileSync(stampFile(root), digest);
}

/** Builds unless dist/ was built from the inputs as they are; true when it built. */
function ensureBuilt(root, compile = fullBuild) {
  if (builtFrom(root) === inputsDigest(root)) return false;
  build(root, compile);
  return true;
}

module.exports = { build, ensureBuilt, inputsDigest, fullBuild };
