import { describeStore } from './describe-store';

describe('describeStore', () => {
  it('says where events and read models live without logging credentials', () => {
    expect(
      describeStore({
        kind: 'kurrentdb',
        kurrentDbUrl: 'kurrentdb+discover://admin:changeit@n1:2113,n2:2113?tls=true',
        readModels: { databaseUrl: 'postgres://ledger:s3cret@db:5432/portfolio', schema: 'ledger' },
      }),
    ).toBe(
      'events in KurrentDB kurrentdb+discover://n1:2113,n2:2113?tls=true, read models in PostgreSQL ' +
        'postgres://db:5432/portfolio, schema ledger',
    );
    expect(describeStore({ kind: 'postgres', databaseUrl: 'postgres://u:p@db/x', schema: 'public' })).toBe(
      'events and read models in PostgreSQL postgres://db/x, schema public',
    );
    expect(describeStore({ kind: 'sqlite', file: '/data/portfolio.sqlite' })).toBe(
      'events and read models in SQLite /data/portfolio.sqlite',
    );
  });
});
