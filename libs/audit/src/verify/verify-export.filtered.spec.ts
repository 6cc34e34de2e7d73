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

// Filtered exports: the events of one project, each sealed one with an inclusion proof against the signed roots.
// project-franceconnect is at indexes 1, 3, 5 (sealed by citp-2021-s2), 9 (by citp-2022-s1) and 11 (unsealed).

const ledger = useLedger();
let project: ExportFiles;

const inProject = (event: StoredEvent): boolean => event.streamId === 'project-franceconnect';

beforeAll(() => {
  project = exportLedger(ledger, { only: inProject, filters: { projectId: 'franceconnect' } });
});

const verify = (files: ExportFiles) => verifyBundle(ledger, files);

describe('verifyExport on a filtered bundle', () => {
  it('passes the export of one project, each sealed event proven against its seal', async () => {
    expect(await verify(project)).toEqual({
      ok: true,
      verdict: 'intact',
      eventsChecked: 5,
      streamsChecked: 1,
      sealsChecked: 2,
      proofsChecked: 5,
      unsealedEvents: 1,
      filtered: true,
      keySource: 'auditor',
      chainGaps: 0,
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

  it('reports a sealed event without an inclusion proof', async () => {
    const inclusionProofs = project.manifest.inclusionProofs.filter((p) => p.position !== ledger.at(5));
    const files = { ...project, manifest: { ...project.manifest, inclusionProofs } };
    expect((await verify(files)).problem).toMatchObject({ code: 'missing_proof', position: ledger.at(5) });
  });

  it('reports a proof that does not hold', async () => {
    const inclusionProofs = project.manifest.inclusionProofs.map((p) =>
      p.position === ledger.at(9) ? { ...p, proof: ['ef'.repeat(32), ...p.proof.slice(1)] } : p,
    );
    const files = { ...project, manifest: { ...project.manifest, inclusionProofs } };
    expect((await verify(files)).problem).toMatchObject({ code: 'inclusion_failed', position: ledger.at(9) });
  });

  it('reports removed events that the manifest still proves', async () => {
    const files = withEvents(project, (events) => events.filter((e) => e.position < BigInt(ledger.at(9))));
    expect((await verify(files)).problem).toMatchObject({ code: 'missing_event', position: ledger.at(9) });
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
      manifest: {
        ...removed.manifest,
        eventCount: 9,
        lastPosition: ledger.at(11),
        inclusionProofs: mission.manifest.inclusionProofs.filter((p) => !isVitam(p.position)),
      },
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
