import { ensureDevTokens, loadConfig, ROLES, isRole } from '@portfolio/application';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';

/** `portfolio tokens`: list the API tokens in force (secrets only for development tokens) or create one. */
export function registerTokens(program: Command): void {
  const tokens = program.command('tokens').description('list or create API tokens');
  tokens
    .command('list', { isDefault: true })
    .description('the tokens in force: development tokens with their secrets, configured ones by role only')
    .action(() => {
      const { auth } = loadConfig(process.env, process.cwd());
      if (auth.kind === 'dev-tokens') {
        const dev = ensureDevTokens(auth.file);
        process.stdout.write(`development tokens (${dev.file}${dev.created ? ', just generated' : ''}):\n`);
        for (const role of ROLES) process.stdout.write(`  ${role.padEnd(17)} ${dev.tokens[role]}\n`);
        return;
      }
      process.stdout.write('configured API tokens (PORTFOLIO_API_TOKENS; only their digests are known here):\n');
      for (const token of auth.apiTokens)
        process.stdout.write(`  ${token.role.padEnd(17)} sha256:${token.sha256.slice(0, 12)}…\n`);
      if (auth.oidc !== undefined)
        process.stdout.write(`OIDC issuer: ${auth.oidc.issuer} (audience ${auth.oidc.audience})\n`);
    });
  tokens
    .command('create')
    .description('generate a new random token for a role, to add to PORTFOLIO_API_TOKENS')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .action(({ role }: { role: string }) => {
      if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const token = randomBytes(32).toString('base64url');
      process.stdout.write(`${role}:${token}\n`);
      process.stderr.write('add this pair to PORTFOLIO_API_TOKENS (comma-separated) and restart the service\n');
    });
}
