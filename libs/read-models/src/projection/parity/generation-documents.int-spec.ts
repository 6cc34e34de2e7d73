// Reading a generation's documents in windows of positions: every row of the range once, in order, sparse or dense.
import { useSubject } from '../../testing/read-model-subject';
import { generationDocuments, type DocumentRange } from './generation-documents';

const auditEntry = (generation: number, position: number) => ({
  generation,
  position: String(position),
  stream_id: 'project-hubee',
  type: 'IndicatorMeasured',
  project_id: 'hubee',
  mission_code: 'IDNUM',
  actor_id: 'user:alice',
  recorded_at: '2024-04-01T10:00:00.000Z',
});

// Dense at first, then rows far apart: further apart than the widest window of pages of two positions.
const POSITIONS = [1, 2, 3, 4, 5, 40, 41, 500, 501, 10_000];

describe.each(['sqlite', 'postgres'] as const)("a generation's documents on %s", (kind) => {
  const subject = useSubject(kind);

  beforeEach(async () => {
    // Generation 1 holds a row at every position up to 10,001, so that its rows fill every window of generation 2.
    const rows = [
      ...POSITIONS.map((position) => auditEntry(2, position)),
      ...Array.from({ length: 10_001 }, (_, i) => auditEntry(1, i + 1)),
    ];
    await subject.database.writeAtomically({ inserts: [{ table: 'rm_event_index', rows }] });
  });

  const positionsRead = async (range: DocumentRange, pageSize: number) => {
    const positions: bigint[] = [];
    for await (const document of generationDocuments(subject.database, 'rm_event_index', range, pageSize)) {
      positions.push(document.position);
    }
    return positions;
  };

  it('given pages of two rows, reads every row of the range once and in position order', async () => {
    expect(await positionsRead({ generation: 2, after: 0n, upTo: 10_000n }, 2)).toEqual(POSITIONS.map(BigInt));
  });

  it('given a range, reads only the rows above its start and up to its end', async () => {
    expect(await positionsRead({ generation: 2, after: 3n, upTo: 500n }, 2)).toEqual([4n, 5n, 40n, 41n, 500n]);
    expect(await positionsRead({ generation: 2, after: 10_000n, upTo: 20_000n }, 2)).toEqual([]);
  });

  it('given a dense generation, reads it whole with pages of any size', async () => {
    const positions = await positionsRead({ generation: 1, after: 0n, upTo: 10_001n }, 7);
    expect(positions).toHaveLength(10_001);
    expect(positions.every((position, i) => position === BigInt(i + 1))).toBe(true);
    // 1,429 pages of 7: as many round trips to PostgreSQL, seconds on a loaded machine.
  }, 30_000);
});
