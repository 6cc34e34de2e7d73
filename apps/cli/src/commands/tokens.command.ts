import { ensureDevTokens, generateApiToken, loadConfig, ROLES, isRole } from '@portfolio/application';
import type { Command } from 'commander';

/** `portfolio tokens`: list the API tokens in force (secrets only for development tokens) or generate one. */
export function registerTokens(program: Command): void {
  const tokens = program.command('tokens').description('list or generate API tokens');
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
    .command('generate')
    .alias('create')
    .description('a new random token (256 bits), with --role as the role:token pair PORTFOLIO_API_TOKENS takes')
    .option('--role <role>', ROLES.join(' | '))
    .action(({ role }: { role?: string }) => {
      if (role !== undefined && !isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const token = generateApiToken();
      process.stdout.write(role === undefined ? `${token}\n` : `${role}:${token}\n`);
      process.stderr.write('add it to PORTFOLIO_API_TOKENS (role:token, comma-separated) and restart the service\n');
    });
}
