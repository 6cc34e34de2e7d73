import { diffDocuments } from './diff-documents';
import type { JsonValue } from './json-value';

const before: JsonValue = {
  totals: { projects: 2, missions: 1 },
  missions: [
    {
      missionCode: 'IDNUM',
      name: 'Identité numérique',
      projects: [
        {
          projectId: 'franceconnect',
          status: 'active',
          health: 'amber',
          tags: ['identité', 'usagers'],
          indicators: [{ indicatorId: 'usagers', latest: { value: 26, period: '2021-05-31' }, target: 40 }],
        },
        { projectId: 'proconnect', status: 'active', health: 'green', tags: [], indicators: [] },
      ],
    },
  ],
};

const after: JsonValue = {
  totals: { projects: 2, missions: 1, closed: 1 },
  missions: [
    {
      missionCode: 'IDNUM',
      name: 'Identité numérique',
      projects: [
        { projectId: 'proconnect', status: 'closed', health: null, tags: [], indicators: [] },
        {
          projectId: 'franceconnect',
          status: 'active',
          health: 'amber',
          tags: ['identité'],
          indicators: [{ indicatorId: 'usagers', latest: { value: 25.5, period: '2021-05-31' }, target: 40 }],
        },
      ],
    },
    { missionCode: 'DATA', name: 'Données', projects: [] },
  ],
};

describe('diffDocuments', () => {
  it('compares two portfolio snapshots: keyed arrays by id, whatever their order', () => {
    expect(diffDocuments(before, after)).toEqual({
      added: [
        { path: 'missions[DATA]', value: { missionCode: 'DATA', name: 'Données', projects: [] } },
        { path: 'totals.closed', value: 1 },
      ],
      removed: [],
      changed: [
        { path: 'missions[IDNUM].projects[franceconnect].indicators[usagers].latest.value', from: 26, to: 25.5 },
        { path: 'missions[IDNUM].projects[franceconnect].tags', from: ['identité', 'usagers'], to: ['identité'] },
        { path: 'missions[IDNUM].projects[proconnect].health', from: 'green', to: null },
        { path: 'missions[IDNUM].projects[proconnect].status', from: 'active', to: 'closed' },
      ],
    });
  });

  it('swaps additions and removals, from and to, when the documents are swapped', () => {
    const forward = diffDocuments(before, after);
    const backward = diffDocuments(after, before);
    expect(backward.removed).toEqual(forward.added);
    expect(backward.added).toEqual(forward.removed);
    expect(backward.changed).toEqual(forward.changed.map(({ path, from, to }) => ({ path, from: to, to: from })));
  });

  it('finds nothing between a document and itself', () => {
    expect(diffDocuments(before, before)).toEqual({ added: [], removed: [], changed: [] });
  });

  describe('objects', () => {
    it('reports a new key with its whole subtree, not its leaves', () => {
      expect(diffDocuments({}, { totals: { projects: 3, missions: 1 } }).added).toEqual([
        { path: 'totals', value: { projects: 3, missions: 1 } },
      ]);
    });

    it('reports a vanished key with its whole subtree', () => {
      expect(diffDocuments({ a: { b: [1, 2] } }, {}).removed).toEqual([{ path: 'a', value: { b: [1, 2] } }]);
    });

    it('counts null against a missing key as an addition or a removal, not a change', () => {
      expect(diffDocuments({ health: null }, {})).toEqual({
        added: [],
        removed: [{ path: 'health', value: null }],
        changed: [],
      });
      expect(diffDocuments({}, { health: null })).toEqual({
        added: [{ path: 'health', value: null }],
        removed: [],
        changed: [],
      });
    });

    it('counts null against a value as a change', () => {
      expect(diffDocuments({ health: null }, { health: 'red' }).changed).toEqual([
        { path: 'health', from: null, to: 'red' },
      ]);
    });

    it('treats a key holding undefined as absent', () => {
      const unset = { health: undefined } as unknown as JsonValue;
      expect(diffDocuments(unset, {})).toEqual({ added: [], removed: [], changed: [] });
      expect(diffDocuments(unset, { health: 'red' }).added).toEqual([{ path: 'health', value: 'red' }]);
    });

    it('reports a change of type as one change of the whole value', () => {
      expect(diffDocuments({ a: { b: 1 } }, { a: [1] }).changed).toEqual([{ path: 'a', from: { b: 1 }, to: [1] }]);
      expect(diffDocuments({ a: '1' }, { a: 1 }).changed).toEqual([{ path: 'a', from: '1', to: 1 }]);
      expect(diffDocuments({ a: false }, { a: 0 }).changed).toEqual([{ path: 'a', from: false, to: 0 }]);
      expect(diffDocuments({ a: {} }, { a: null }).changed).toEqual([{ path: 'a', from: {}, to: null }]);
    });

    it('ignores key order', () => {
      expect(diffDocuments({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toEqual({
        added: [],
        removed: [],
        changed: [],
      });
    });

    it('takes keys named like Object.prototype members as ordinary keys', () => {
      const withProto = JSON.parse('{"__proto__": {"x": 1}}') as JsonValue;
      expect(diffDocuments(withProto, {}).removed).toEqual([{ path: '__proto__', value: { x: 1 } }]);
      expect(diffDocuments({}, { constructor: 1, toString: 'x' }).added).toEqual([
        { path: 'constructor', value: 1 },
        { path: 'toString', value: 'x' },
      ]);
    });
  });

  describe('numbers and scalars', () => {
    it('treats -0 and 0 as equal', () => {
      expect(diffDocuments({ a: -0, b: [0, -0] }, { a: 0, b: [-0, 0] })).toEqual({
        added: [],
        removed: [],
        changed: [],
      });
    });

    it('reports a change at the root with an empty path', () => {
      expect(diffDocuments(1, 2)).toEqual({ added: [], removed: [], changed: [{ path: '', from: 1, to: 2 }] });
    });

    it('does not round numbers', () => {
      expect(diffDocuments({ v: 0.1 + 0.2 }, { v: 0.3 }).changed).toEqual([{ path: 'v', from: 0.1 + 0.2, to: 0.3 }]);
    });
  });

  describe('arrays', () => {
    it('compares arrays of scalars as whole values, in order', () => {
      expect(diffDocuments({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }).changed).toEqual([
        { path: 'tags', from: ['a', 'b'], to: ['b', 'a'] },
      ]);
      expect(diffDocuments({ tags: ['a', 'b'] }, { tags: ['a', 'b'] }).changed).toEqual([]);
    });

    it('compares arrays of objects without an id as whole values, ignoring key order inside', () => {
      expect(diffDocuments({ l: [{ x: 1, y: 2 }] }, { l: [{ y: 2, x: 1 }] }).changed).toEqual([]);
      expect(diffDocuments({ l: [{ x: 1 }] }, { l: [{ x: 2 }] }).changed).toEqual([
        { path: 'l', from: [{ x: 1 }], to: [{ x: 2 }] },
      ]);
    });

    it('reports an added or removed element of a keyed array by its id', () => {
      const m = (id: string) => ({ milestoneId: id, dueOn: '2021-12-31' });
      expect(diffDocuments({ milestones: [m('a'), m('b')] }, { milestones: [m('b'), m('c')] })).toEqual({
        added: [{ path: 'milestones[c]', value: m('c') }],
        removed: [{ path: 'milestones[a]', value: m('a') }],
        changed: [],
      });
    });

    it('keys an empty array by the other side, so that a first element shows as added', () => {
      const project = { projectId: 'franceconnect', status: 'active' };
      expect(diffDocuments({ projects: [] }, { projects: [project] })).toEqual({
        added: [{ path: 'projects[franceconnect]', value: project }],
        removed: [],
        changed: [],
      });
      expect(diffDocuments({ projects: [project] }, { projects: [] }).removed).toEqual([
        { path: 'projects[franceconnect]', value: project },
      ]);
    });

    it('uses the first id key found on the first element', () => {
      // Both carry missionCode too; projectId comes first in the default list and identifies each element.
      const p = (projectId: string, status: string) => ({ missionCode: 'IDNUM', projectId, status });
      expect(diffDocuments([p('a', 'active'), p('b', 'active')], [p('b', 'closed'), p('a', 'active')]).changed).toEqual(
        [{ path: '[b].status', from: 'active', to: 'closed' }],
      );
    });

    it('keys by period, as in an indicator series', () => {
      expect(
        diffDocuments(
          { series: [{ period: '2021-04-30', value: 20 }] },
          { series: [{ period: '2021-04-30', value: 21 }] },
        ).changed,
      ).toEqual([{ path: 'series[2021-04-30].value', from: 20, to: 21 }]);
    });

    it('accepts numeric ids', () => {
      expect(diffDocuments([{ period: 2020, v: 1 }], [{ period: 2020, v: 2 }]).changed).toEqual([
        { path: '[2020].v', from: 1, to: 2 },
      ]);
    });

    it('honours custom id keys', () => {
      const diff = diffDocuments([{ code: 'x', v: 1 }], [{ code: 'x', v: 2 }], { idKeys: ['code'] });
      expect(diff.changed).toEqual([{ path: '[x].v', from: 1, to: 2 }]);
      // With the default keys, `code` is not an id: the array changes as a whole.
      expect(diffDocuments([{ code: 'x', v: 1 }], [{ code: 'x', v: 2 }]).changed).toEqual([
        { path: '', from: [{ code: 'x', v: 1 }], to: [{ code: 'x', v: 2 }] },
      ]);
    });

    it('compares as whole values when an element lacks the id', () => {
      const from: JsonValue = [{ projectId: 'a', v: 1 }, { v: 2 }];
      const to: JsonValue = [{ projectId: 'a', v: 3 }, { v: 2 }];
      expect(diffDocuments(from, to).changed).toEqual([{ path: '', from, to }]);
    });

    it('compares as whole values when two elements share an id', () => {
      const from = [
        { projectId: 'a', v: 1 },
        { projectId: 'a', v: 2 },
      ];
      const to = [{ projectId: 'a', v: 1 }];
      expect(diffDocuments(from, to).changed).toEqual([{ path: '', from, to }]);
    });

    it('compares as whole values when ids clash as text', () => {
      const from = [{ period: 1 }, { period: '1' }];
      expect(diffDocuments(from, [{ period: 1 }]).changed).toEqual([{ path: '', from, to: [{ period: 1 }] }]);
    });

    it('compares as whole values when the two sides are keyed by different fields', () => {
      const from = [{ projectId: 'a' }];
      const to = [{ missionCode: 'a' }];
      expect(diffDocuments(from, to).changed).toEqual([{ path: '', from, to }]);
    });

    it('skips an id key whose value is not a string or a number', () => {
      const p = (status: string) => ({ projectId: null, missionCode: 'IDNUM', status });
      expect(diffDocuments([p('active')], [p('closed')]).changed).toEqual([
        { path: '[IDNUM].status', from: 'active', to: 'closed' },
      ]);
    });

    it('does not take an object or null as an id', () => {
      const from = [{ projectId: { x: 1 }, v: 1 }];
      const to = [{ projectId: { x: 1 }, v: 2 }];
      expect(diffDocuments(from, to).changed).toEqual([{ path: '', from, to }]);
    });
  });

  describe('paths', () => {
    it('quotes keys and ids that are not plain, so that paths stay unambiguous', () => {
      const diff = diffDocuments(
        { 'a.b': 1, '': 2, clé: 3, list: [{ projectId: 'x]y', v: 1 }] },
        { 'a.b': 9, '': 8, clé: 7, list: [{ projectId: 'x]y', v: 2 }] },
      );
      expect(diff.changed.map((entry) => entry.path)).toEqual(['[""]', '["a.b"]', '["clé"]', 'list["x]y"].v']);
    });

    it('sorts every list by path, in code-unit order whatever the locale', () => {
      const diff = diffDocuments({ z: 1, b: 1, m: { y: 1, a: 1 }, B: 1 }, { z: 2, b: 2, m: { y: 2, a: 2 }, B: 2 });
      expect(diff.changed.map((entry) => entry.path)).toEqual(['B', 'b', 'm.a', 'm.y', 'z']);
    });
  });
});
