import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Keys, tokens, data and exports stay out of git: every file the README's commands write, and what the service and
// the command line write by default, is ignored; no file of the repository is.

const ROOT = join(__dirname, '..');

/** The files the README's commands write: `-o FILE`, `> FILE`, `--out FILE`, `--state FILE`, `-out FILE`, `.backup 'FILE'`. */
function filesTheReadmeWrites(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const written = /(?:\s-o|\s-out|--out|--state|[^2&=]>|\.backup)\s+'?([\w./-]+\.[a-z]+)/g;
  return [...new Set([...readme.matchAll(written)].map((match) => match[1].replace(/^\/data\//, 'data/')))];
}

/** What `git check-ignore` says is ignored, of these paths (whether they exist or not). */
function ignored(paths: readonly string[]): string[] {
  try {
    const out = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: ROOT, input: paths.join('\n') });
    return out.toString().split('\n').filter(Boolean);
  } catch (error) {
    // Exit status 1: none of them is ignored.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

describe('.gitignore', () => {
  it('ignores every file the README tells to write', () => {
    const files = filesTheReadmeWrites();
    expect(files).toEqual(
      expect.arrayContaining(['pack-citp-6.xlsx', 'seal-key.pem', 'audit.zip', 'pinned.note', 'witness.json']),
    );
    expect(ignored(files)).toEqual(files);
  });

  it('ignores what the service and the command line write by default: a data directory, its database and keys, exports', () => {
    const defaults = [
      'data/portfolio.sqlite',
      'data-demo/portfolio.sqlite',
      'data-demo/dev-tokens.json',
      'portfolio.sqlite-wal',
      'seal-signing-key.pem',
      'deploy/secrets/seal-signing-key.pem',
      'deploy/portfolio.env',
      'portfolio-audit-20211215T101500Z.zip',
      'portfolio-audit-20211215T101500Z-projectId-franceconnect.ndjson',
      'dist/.built-from',
    ];
    expect(ignored(defaults)).toEqual(defaults);
  });

  it('ignores no file of the repository', () => {
    const trackedYetIgnored = execFileSync('git', ['ls-files', '--cached', '--ignored', '--exclude-standard'], {
      cwd: ROOT,
    });
    expect(trackedYetIgnored.toString()).toBe('');
  });
});
