import type { AuditReport } from '../../../libs/audit/src/live/audit-report';
import { checkedInWords, problemInWords, problemName } from './audit-in-words';

// The live verification's report, as the Audit page says it.

const report: AuditReport = {
  ok: true,
  checkedAt: '2026-12-05T04:15:00.000Z',
  head: '2615',
  eventsChecked: 2615,
  streamsChecked: 85,
  sealsChecked: 4,
  checkpointsChecked: 1,
  problem: null,
};

describe('the verification of the audit trail, in words', () => {
  it('says what it recomputed, checkpoints only where the store keeps them', () => {
    expect(checkedInWords(report)).toBe(
      '2615 événements dans 85 flux, 4 sceaux, 1 point de contrôle, jusqu’à la position 2615, vérifiés le 5 décembre ' +
        '2026 à 05:15.',
    );
    expect(checkedInWords({ ...report, checkpointsChecked: undefined, sealsChecked: 1 })).toContain(
      ', 1 sceau, jusqu’à',
    );
  });

  it('names the first problem, where it is, and the seal or checkpoint concerned', () => {
    const broken = { code: 'merkle_mismatch', position: '51', cycleId: 'citp-5', message: 'root differs' } as const;
    expect(problemName(broken)).toBe('racine de Merkle d’un sceau différente');
    expect(problemInWords(broken)).toBe('À la position 51, sceau du comité citp-5 (détail technique : root differs).');
    const truncated = { code: 'log_truncated', position: '2600', treeSize: 2615, message: 'missing leaves' } as const;
    expect(problemInWords(truncated)).toBe(
      'À la position 2600, point de contrôle de 2615 événements (détail technique : missing leaves).',
    );
  });
});
