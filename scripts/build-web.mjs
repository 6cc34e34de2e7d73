// Builds the web workspace (apps/web) into dist/web: the bundle and its stylesheet with hashed names, the design
// system's stylesheet, script, fonts and the icons the workspace uses, and index.html naming them all.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'apps', 'web');
const out = join(root, 'dist', 'web');
const dsfrDist = join(dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json')), 'dist');
const dsfrVersion = JSON.parse(readFileSync(join(dsfrDist, '..', 'package.json'), 'utf8')).version;
/** The design system's files change only with its version: its folder is named after it, so it may be cached long. */
const dsfrFolder = `dsfr-${dsfrVersion}`;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** The workspace's script and stylesheet, minified, with source maps, named by their content's hash. */
async function bundle() {
  const result = await build({
    entryPoints: [join(sources, 'src', 'main.tsx'), join(sources, 'src', 'workspace.css')],
    outdir: join(out, 'assets'),
    entryNames: '[name]-[hash]',
    // Plot, which only the project page needs, is a chunk of its own, loaded with the first chart.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(sources, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => `/${relative(out, join(root, path))}`);
  return { script: outputs.find((path) => path.endsWith('.js')), style: outputs.find((path) => path.endsWith('.css')) };
}

/** The DSFR icon classes (`fr-icon-…`) the workspace's sources name. */
function iconsUsed() {
  const names = new Set();
  for (const path of filesUnder(join(sources, 'src'))) {
    for (const match of readFileSync(path, 'utf8').matchAll(/fr-icon-([a-z0-9-]+)/g)) names.add(match[1]);
  }
  return [...names].sort();
}

/**
 * The icons' rules of the DSFR's utility stylesheet (3,500 icons, 350 kB) reduced to those the workspace uses, and the
 * icons' files (those and the ones the DSFR's own stylesheet draws) copied beside it.
 */
function copyIcons(target) {
  const utility = readFileSync(join(dsfrDist, 'utility', 'icons', 'icons.min.css'), 'utf8');
  const rules = iconsUsed().map((name) => {
    const rule = new RegExp(`\\.fr-icon-${name}:after,\\.fr-icon-${name}:before\\{[^}]*mask-image[^}]*\\}`).exec(
      utility,
    );
    if (rule === null) throw new Error(`fr-icon-${name} is not an icon of the DSFR ${dsfrVersion}`);
    return rule[0].replaceAll('../../icons/', 'icons/');
  });
  writeFileSync(join(target, 'icons.css'), rules.join('\n'));
  const stylesheets = [readFileSync(join(dsfrDist, 'dsfr.min.css'), 'utf8'), rules.join('\n')];
  for (const css of stylesheets) {
    for (const [, icon] of css.matchAll(/url\((icons\/[^)]+\.svg)\)/g)) {
      mkdirSync(dirname(join(target, icon)), { recursive: true });
      cpSync(join(dsfrDist, icon), join(target, icon));
    }
  }
}

/** The DSFR's stylesheet, its script (header menu, modals), its fonts, favicons and the icons used. */
function copyDesignSystem() {
  const target = join(out, dsfrFolder);
  mkdirSync(target, { recursive: true });
  for (const file of ['dsfr.min.css', 'dsfr.module.min.js']) cpSync(join(dsfrDist, file), join(target, file));
  cpSync(join(dsfrDist, 'fonts'), join(target, 'fonts'), { recursive: true });
  cpSync(join(dsfrDist, 'favicon'), join(target, 'favicon'), { recursive: true });
  copyIcons(target);
}

rmSync(out, { recursive: true, force: true });
const { script, style } = await bundle();
copyDesignSystem();
const page = readFileSync(join(sources, 'index.html'), 'utf8')
  .replaceAll('{{dsfr}}', `/${dsfrFolder}`)
  .replaceAll('{{script}}', script)
  .replaceAll('{{style}}', style);
writeFileSync(join(out, 'index.html'), page);
