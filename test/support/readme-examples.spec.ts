import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeExamples } from './readme-examples';

const markdown = (...lines: string[]) => lines.join('\n');

describe('readmeExamples', () => {
  it('reads the setup, the examples to run with their state and the ones skipped with their reason', () => {
    const examples = readmeExamples(
      markdown(
        '# Title',
        '<!-- example: setup -->',
        '```sh',
        'API=localhost:3000/api/v1',
        '```',
        'Then:',
        '<!-- example: state=demo -->',
        '',
        '```bash',
        'curl -fsS "$API/portfolio"',
        'curl --fail "$API/missions"',
        '```',
        '<!-- example:   state=fresh   -->',
        '```sh',
        'curl -fsS localhost:3000/health/ready',
        '```',
        '<!-- example: skip=serves until stopped -->',
        '```sh',
        'npm start',
        '```',
        '```yaml',
        'not: shell',
        '```',
      ),
    );

    expect(examples).toEqual({
      setup: 'API=localhost:3000/api/v1',
      runnable: [
        { line: 9, state: 'demo', script: 'curl -fsS "$API/portfolio"\ncurl --fail "$API/missions"' },
        { line: 14, state: 'fresh', script: 'curl -fsS localhost:3000/health/ready' },
      ],
      skipped: [{ line: 18, reason: 'serves until stopped', firstLine: 'npm start' }],
    });
  });

  it('refuses a shell block without a marker, naming its line', () => {
    expect(() => readmeExamples(markdown('Text', '```sh', 'npm ci', '```'))).toThrow(
      /line 2: a shell block without a marker/,
    );
  });

  it('refuses a marker it does not know, a skip without its reason and a marker astray', () => {
    const read = () =>
      readmeExamples(
        markdown(
          '<!-- example: state=production -->',
          '```sh',
          'true',
          '```',
          '<!-- example: skip= -->',
          '```sh',
          'true',
          '```',
          '<!-- example: state=demo -->',
          'A paragraph in between.',
          '```sh',
          'true',
          '```',
          '<!-- example: state=demo -->',
          '```yaml',
          'a: b',
          '```',
        ),
      );

    expect(read).toThrow(/line 1: "state=production" is no marker/);
    expect(read).toThrow(/line 5: "skip=" is no marker/);
    expect(read).toThrow(/line 9: a marker not followed by a code block/);
    expect(read).toThrow(/line 14: a marker before a block that is no shell/);
  });

  it('refuses a curl that would let an HTTP error pass, in the examples and the setup alike', () => {
    const read =
      (...script: string[]) =>
      () =>
        readmeExamples(markdown('<!-- example: state=demo -->', '```sh', ...script, '```'));

    expect(read('curl -s "$API/portfolio"')).toThrow(/line 3: curl without -f/);
    expect(read('curl "$API/portfolio" -f')).toThrow(/line 3: curl without -f/);
    expect(read('true', 'X=$(curl -fsS a) && curl -sS b')).toThrow(/line 4: curl without -f/);
    expect(read('curl -fsS a | curl -sfS b # then curl again')).not.toThrow();
  });

  it('takes a marker inside a code block for its content', () => {
    const examples = readmeExamples(
      markdown('<!-- example: state=fresh -->', '```sh', '<!-- example: state=demo -->', '```'),
    );

    expect(examples.runnable).toEqual([{ line: 2, state: 'fresh', script: '<!-- example: state=demo -->' }]);
  });
});

describe("the project's README", () => {
  const examples = readmeExamples(readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8'));

  it('marks every shell block, with examples on both instances', () => {
    expect(examples.setup).toContain('API=localhost:3000/api/v1');
    expect(new Set(examples.runnable.map((example) => example.state))).toEqual(new Set(['fresh', 'demo']));
  });

  it('looks back by positions and releases, not instants: its examples record their facts the day they run', () => {
    const instants = examples.runnable
      .flatMap((example) => [...example.script.matchAll(/\b\w*AsOf=(\d{4}-\d{2}-\d{2}T[^&"' ]*)/gi)])
      .map((match) => match[0]);

    expect(instants).toEqual([]);
  });
});
