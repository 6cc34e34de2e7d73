// The README's shell examples, read with the marker before each one that says how it runs (README, "Tests").

/** The instance an example runs on: an empty one of its own, or the one seeded with the demo, shared in order. */
export type ExampleState = 'fresh' | 'demo';

export interface RunnableExample {
  /** The line of its opening fence in the README. */
  readonly line: number;
  readonly state: ExampleState;
  readonly script: string;
}

export interface SkippedExample {
  readonly line: number;
  readonly reason: string;
  readonly firstLine: string;
}

export interface ReadmeExamples {
  /** The variables every example starts with (the blocks marked `setup`, in order). */
  readonly setup: string;
  readonly runnable: readonly RunnableExample[];
  readonly skipped: readonly SkippedExample[];
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const MARKER = /^<!--\s*example:\s*(.*?)\s*-->$/;
const MARKER_FORMS = '`state=fresh`, `state=demo`, `setup` or `skip=<why>`';
// An HTTP error must fail the example: every curl starts with -f (as in `curl -fsS`) or --fail.
const CURL = /\bcurl\b(\s+\S+)?/g;
const CURL_FAILING = /^\s+(-[a-zA-Z]*f[a-zA-Z]*|--fail(-with-body)?)$/;

interface Marker {
  readonly line: number;
  readonly spec: string;
}

interface Block {
  readonly line: number;
  readonly language: string;
  readonly fence: string;
  readonly marker: Marker | undefined;
  readonly body: string[];
}

/** The README's shell examples by their markers; every problem found (a block unmarked, a marker astray) throws. */
export function readmeExamples(markdown: string): ReadmeExamples {
  const problems: string[] = [];
  const setup: string[] = [];
  const runnable: RunnableExample[] = [];
  const skipped: SkippedExample[] = [];
  const classify = (block: Block) => {
    const script = block.body.join('\n');
    const kind = classifyBlock(block, problems);
    if (kind === undefined) return;
    if ('reason' in kind) {
      skipped.push({ line: block.line, reason: kind.reason, firstLine: block.body[0] ?? '' });
      return;
    }
    problems.push(...uncheckedCurls(script, block.line));
    if (kind.state === 'setup') setup.push(script);
    else runnable.push({ line: block.line, state: kind.state, script });
  };

  let marker: Marker | undefined;
  let block: Block | undefined;
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (block !== undefined) {
      if (text.trim() === block.fence) {
        classify(block);
        block = undefined;
      } else block.body.push(text);
      return;
    }
    const fence = FENCE.exec(text);
    const markerText = MARKER.exec(text.trim());
    if (fence !== null) {
      block = { line, fence: fence[1], language: fence[2].toLowerCase(), marker, body: [] };
      marker = undefined;
    } else if (markerText !== null || text.trim() !== '') {
      if (marker !== undefined) problems.push(`line ${marker.line}: a marker not followed by a code block`);
      marker = markerText === null ? undefined : { line, spec: markerText[1] };
    }
  });
  if (block !== undefined) problems.push(`line ${block.line}: a code block never closed`);
  if (marker !== undefined) problems.push(`line ${marker.line}: a marker not followed by a code block`);
  if (problems.length > 0) throw new Error(`README.md's examples:\n${problems.join('\n')}`);
  return { setup: setup.join('\n'), runnable, skipped };
}

type BlockKind = { readonly state: ExampleState | 'setup' } | { readonly reason: string };

function classifyBlock(block: Block, problems: string[]): BlockKind | undefined {
  const shell = SHELL_LANGUAGES.has(block.language);
  if (!shell) {
    if (block.marker !== undefined)
      problems.push(`line ${block.marker.line}: a marker before a block that is no shell`);
    return undefined;
  }
  if (block.marker === undefined) {
    problems.push(`line ${block.line}: a shell block without a marker (<!-- example: ... --> with ${MARKER_FORMS})`);
    return undefined;
  }
  const { spec } = block.marker;
  if (spec === 'setup') return { state: 'setup' };
  if (spec === 'state=fresh' || spec === 'state=demo') return { state: spec === 'state=fresh' ? 'fresh' : 'demo' };
  const skip = /^skip=(.*\S.*)$/.exec(spec);
  if (skip !== null) return { reason: skip[1].trim() };
  problems.push(`line ${block.marker.line}: "${spec}" is no marker: write ${MARKER_FORMS}`);
  return undefined;
}

function uncheckedCurls(script: string, blockLine: number): string[] {
  return script
    .split('\n')
    .flatMap((text, index) =>
      [...text.replace(/(^|\s)#.*$/, '').matchAll(CURL)]
        .filter((call) => call[1] === undefined || !CURL_FAILING.test(call[1]))
        .map(() => `line ${blockLine + 1 + index}: curl without -f (curl -fsS): an HTTP error would pass unnoticed`),
    );
}
