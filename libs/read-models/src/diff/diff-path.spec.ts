import { idPath, keyPath } from './diff-path';

describe('keyPath', () => {
  it('writes a plain key bare, dotted under a parent', () => {
    expect(keyPath('', 'totals')).toBe('totals');
    expect(keyPath('totals', 'projects')).toBe('totals.projects');
    expect(keyPath('indicators', 'comptes-actifs')).toBe('indicators.comptes-actifs');
  });

  it('quotes any other key as a JSON string in brackets', () => {
    expect(keyPath('', 'a.b')).toBe('["a.b"]');
    expect(keyPath('x', '')).toBe('x[""]');
    expect(keyPath('x', 'a"b')).toBe('x["a\\"b"]');
    expect(keyPath('x', 'a b')).toBe('x["a b"]');
  });
});

describe('idPath', () => {
  it('writes a plain id bare in brackets', () => {
    expect(idPath('missions', 'IDNUM')).toBe('missions[IDNUM]');
    expect(idPath('series', '2021-05-31')).toBe('series[2021-05-31]');
    expect(idPath('', '1.5')).toBe('[1.5]');
  });

  it('quotes an id holding brackets, quotes or spaces', () => {
    expect(idPath('l', 'x]y')).toBe('l["x]y"]');
    expect(idPath('l', '"a"')).toBe('l["\\"a\\""]');
    expect(idPath('l', 'a b')).toBe('l["a b"]');
  });
});
