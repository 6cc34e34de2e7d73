import { loadConfig } from '@portfolio/application';
import { buildProgram } from '../main';

async function run(...args: string[]): Promise<string> {
  const written: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await buildProgram().parseAsync(['node', 'portfolio', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return written.join('');
}

describe('portfolio tokens generate', () => {
  it('prints a role:token pair that the service accepts in PORTFOLIO_API_TOKENS', async () => {
    const pair = (await run('tokens', 'generate', '--role', 'auditor')).trim();
    expect(pair).toMatch(/^auditor:[A-Za-z0-9_-]{43}$/);
    const { auth } = loadConfig({ PORTFOLIO_API_TOKENS: pair }, '/srv');
    expect(auth.kind === 'credentials' && auth.apiTokens.map((token) => token.role)).toEqual(['auditor']);
  });

  it('prints a bare token without --role, a new one each time', async () => {
    const [first, second] = [(await run('tokens', 'generate')).trim(), (await run('tokens', 'create')).trim()];
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });
});
