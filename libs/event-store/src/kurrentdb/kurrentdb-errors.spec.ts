import { describeKurrentDb } from './kurrentdb-errors';

describe('KurrentDB server in errors', () => {
  it('is named without credentials nor options', () => {
    expect(describeKurrentDb('kurrentdb://admin:changeit@kurrent.example:2113?tls=true')).toBe(
      'KurrentDB at kurrentdb://kurrent.example:2113',
    );
    expect(describeKurrentDb('kurrentdb+discover://admin:changeit@node1:2113,node2:2113?tls=false')).toBe(
      'KurrentDB at kurrentdb+discover://node1:2113,node2:2113',
    );
    expect(describeKurrentDb('kurrentdb://admin:p/a@ss@kurrent.example:2113')).toBe(
      'KurrentDB at kurrentdb://kurrent.example:2113',
    );
  });
});
