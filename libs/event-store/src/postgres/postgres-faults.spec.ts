import { postgresFault, translatePostgresFault } from './postgres-faults';

const failure = (code: string | undefined, message = 'failed') => Object.assign(new Error(message), { code });

describe('PostgreSQL storage faults', () => {
  it.each([
    ['53100', 'disk_full'],
    ['25006', 'read_only'],
    ['58030', 'io_error'],
    ['08006', 'unreachable'],
    ['57P01', 'unreachable'],
    ['57014', 'unreachable'],
    ['ECONNREFUSED', 'unreachable'],
    ['23505', undefined],
    ['42P01', undefined],
  ])('classifies SQLSTATE or socket error %s as %s', (code, fault) => {
    expect(postgresFault(failure(code))).toBe(fault);
  });

  it("classifies pg's own words for a lost or impossible connection as unreachable", () => {
    expect(postgresFault(failure(undefined, 'Connection terminated unexpectedly'))).toBe('unreachable');
    expect(postgresFault(failure(undefined, 'timeout exceeded when trying to connect'))).toBe('unreachable');
    expect(postgresFault(failure(undefined, 'Query read timeout'))).toBe('unreachable');
  });

  it('names the server without the credentials of the connection string', () => {
    const translated = translatePostgresFault(
      failure('53100', 'could not extend file: No space left on device'),
      'postgres://ledger:s3cret-password@db.example.gouv.fr:6432/portfolio?sslmode=require',
    );
    expect(translated).toMatchObject({ fault: 'disk_full', where: 'PostgreSQL at db.example.gouv.fr:6432/portfolio' });
    expect((translated as Error).message).not.toContain('s3cret');
  });
});
