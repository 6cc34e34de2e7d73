import type { StoredEvent } from '@portfolio/event-store';
import {
  exportLedger,
  rechain,
  useLedger,
  verifyBundle,
  withDigests,
  withEvents,
  type ExportFiles,
} from '../testing/export-fixture';

// Filtered exports: the events of one project, each with its inclusion proof in the checkpoint of the whole log.
// project-franceconnect is at indexes 1, 3, 5 (sealed by citp-2021-s2), 9 (by citp-2022-s1) and 11 (unsealed).

const ledger = useLedger();
let project: ExportFiles;

const inProject = (event: StoredEvent): boolean => event.streamId === 'project-franceconnect';

beforeAll(() => {
  project = exportLedger(ledger, { only: inProject, filters: { projectId: 'franceconnect' } });
});

const verify = (files: ExportFiles) => verifyBundle(ledger, files);

describe('verifyExport on a filtered bundle', () => {
  it('passes the export of one project, each event proven in the checkpoint, each seal a prefix of it', async () => {
    const { trailer, ...counts } = await verify(project);
    expect(trailer?.statement.filters).toEqual({ projectId: 'franceconnect' });
    expect(counts).toEqual({
      ok: true,
      verdict: 'intact',
      eventsChecked: 5,
      streamsChecked: 1,
      sealsChecked: 2,
      // 5 events, 1 between the seals, 2 from the seals to the checkpoint.
      proofsChecked: 8,
      unsealedEvents: 1,
      filtered: true,
      keySource: 'auditor',
      chainGaps: 0,
      anchors: [],
      limitations: [],
    });
  });

  it('resumes a stream from its chain anchor', async () => {
    const later = exportLedger(ledger, {
      only: (e) => inProject(e) && e.revision >= 2n,
      filters: { projectId: 'franceconnect', fromPosition: ledger.at(5) },
    });
    expect(later.manifest.chainAnchors['project-franceconnect'].revision).toBe('2');
    expect(await verify(later)).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('reports a changed event at its position', async () => {
    const files = { ...project, ndjson: project.ndjson.replace('30500000', '30500001') };
    expect((await verify(files)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(5) });
  });

  it('reports a changed event whose chain a forger recomputed, through its inclusion proof', async () => {
    const anchors = project.manifest.chainAnchors;
    const files = withEvents(project, (events) =>
      rechain(
        events.map((e) => (e.position.toString() === ledger.at(3) ? { ...e, data: { ...e.data, value: 1 } } : e)),
        { anchors },
      ),
    );
    expect((await verify(files)).problem).toMatchObject({ code: 'inclusion_failed', position: ledger.at(3) });
  });

  it('reports a chain anchor that does not match the first event', async () => {
    const files = {
      ...project,
      manifest: {
        ...project.manifest,
        chainAnchors: { 'project-franceconnect': { revision: '1', prevHash: ledger.events[1].hash } },
      },
    };
    expect((await verify(files)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(1) });
  });

  it('reports an event without its inclusion proof, even the last one', async () => {
    for (const index of [5, 11]) {
      const { [ledger.at(index)]: removed, ...proofs } = project.proofs;
      expect(removed).toBeDefined();
      const files = withDigests({ ...project, proofs });
      expect((await verify(files)).problem).toMatchObject({ code: 'missing_proof', position: ledger.at(index) });
    }
  });

  it('reports an altered inclusion proof', async () => {
    const proof = project.proofs[ledger.at(9)];
    const altered = { ...proof, proof: [Buffer.alloc(32, 0xef).toString('base64'), ...proof.proof.slice(1)] };
    const files = withDigests({ ...project, proofs: { ...project.proofs, [ledger.at(9)]: altered } });
    expect((await verify(files)).problem).toMatchObject({ code: 'inclusion_failed', position: ledger.at(9) });
    const moved = { ...proof, leafIndex: proof.leafIndex + 1 };
    const elsewhere = withDigests({ ...project, proofs: { ...project.proofs, [ledger.at(9)]: moved } });
    expect((await verify(elsewhere)).problem).toMatchObject({ code: 'inclusion_failed', position: ledger.at(9) });
  });

  it('reports its last events removed, by the signed statement', async () => {
    const files = withEvents(project, (events) => events.filter((e) => e.position < BigInt(ledger.at(9))));
    const fixed = withDigests({ ...files, manifest: { ...files.manifest, eventCount: 3, lastPosition: ledger.at(5) } });
    expect((await verify(fixed)).problem).toMatchObject({ code: 'statement_mismatch' });
  });

  it('reports a hole in a stream when the filters select whole streams', async () => {
    const files = withEvents(project, (events) => events.filter((e) => e.position.toString() !== ledger.at(3)));
    expect((await verify(files)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(5) });
  });

  it('reports a whole stream removed with its proofs, through its chain anchor', async () => {
    const mission = exportLedger(ledger, {
      only: (e) => !e.streamId.startsWith('review-cycle-'),
      filters: { missionCode: 'IDNUM' },
    });
    const isVitam = (position: string): boolean =>
      ledger.events.some((e) => e.streamId === 'project-vitam' && e.position.toString() === position);
    const removed = withEvents(mission, (events) => events.filter((e) => e.streamId !== 'project-vitam'));
    const forged = withDigests({
      ...removed,
      proofs: Object.fromEntries(Object.entries(mission.proofs).filter(([position]) => !isVitam(position))),
      manifest: { ...removed.manifest, eventCount: 9, lastPosition: ledger.at(11) },
    });
    expect(await verify(mission)).toMatchObject({ ok: true, eventsChecked: 11 });
    expect((await verify(forged)).problem).toMatchObject({ code: 'missing_event', streamId: 'project-vitam' });
  });

  it('accepts holes in streams, and counts them, when the filters select by type', async () => {
    const types = new Set(['ProjectLaunched', 'MilestoneReached']);
    const byType = exportLedger(ledger, { only: (e) => types.has(e.type), filters: { type: [...types].join(',') } });
    expect(await verify(byType)).toMatchObject({ ok: true, eventsChecked: 5, chainGaps: 1 });
  });
});
