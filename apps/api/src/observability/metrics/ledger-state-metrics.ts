import { Inject, Injectable } from '@nestjs/common';
import { CHECKPOINT_STORE, CLOCK, type Clock } from '@portfolio/application';
import type { CheckpointStore, StoredCheckpoint } from '@portfolio/audit';
import { ProjectionRuntime, type ProjectorStatus, type RebuildStatus } from '@portfolio/read-models';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

const PROJECTION_STATES: readonly ProjectorStatus['state'][] = [
  'starting',
  'catching_up',
  'live',
  'standby',
  'stalled',
  'failed',
  'stopped',
];

interface LedgerState {
  readonly projectors: readonly ProjectorStatus[];
  readonly rebuild?: RebuildStatus;
  readonly checkpoint: StoredCheckpoint | undefined;
}

/**
 * The state of the log, the projections and the checkpoints, read when Prometheus scrapes (from what
 * `GET /admin/projections` and the checkpoint store already know), never sampled in between. When the databases do
 * not answer, these series are left out of the scrape, and `/health/ready` says why.
 */
@Injectable()
export class LedgerStateMetrics {
  private pending: Promise<LedgerState | undefined> | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly projections: ProjectionRuntime,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const gauge = <L extends string>(
      name: string,
      help: string,
      labelNames: readonly L[],
      fill: (gauge: Gauge<L>, state: LedgerState) => void,
    ) => {
      const read = () => this.read();
      new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          // Left out unless `fill` sets it: an unlabelled gauge would otherwise show a 0 that means nothing.
          if (labelNames.length === 0) this.remove();
          const state = await read();
          if (state !== undefined) fill(this, state);
        },
      });
    };
    gauge('portfolio_log_head_position', "the log's last position", [], (g, { projectors }) => {
      if (projectors.length > 0) g.set(Number(projectors[0].head));
    });
    gauge(
      'portfolio_projection_position',
      'the last log position each projector applied to the read models queries use',
      ['projector'],
      (g, { projectors }) => projectors.forEach((p) => g.set({ projector: p.name }, Number(p.position))),
    );
    gauge(
      'portfolio_projection_lag',
      "log positions between the head and each projector's position (events on SQLite and PostgreSQL; KurrentDB positions are not contiguous); negative when the log lost events",
      ['projector'],
      (g, { projectors }) => projectors.forEach((p) => g.set({ projector: p.name }, Number(p.lag))),
    );
    gauge(
      'portfolio_projection_state',
      "1 for each projector's current state (starting, catching_up, live, standby, stalled, failed, stopped), 0 for the others",
      ['projector', 'state'],
      (g, { projectors }) =>
        projectors.forEach((p) =>
          PROJECTION_STATES.forEach((state) => g.set({ projector: p.name, state }, p.state === state ? 1 : 0)),
        ),
    );
    gauge(
      'portfolio_projection_rebuild_progress_percent',
      'percent of the log projected into the generation the last rebuild builds (absent before the first rebuild)',
      [],
      (g, { rebuild }) => rebuild !== undefined && g.set(rebuild.progress),
    );
    gauge(
      'portfolio_projection_rebuild_running',
      '1 while a rebuild of the read models runs in this instance',
      [],
      (g, { rebuild }) => g.set(rebuild?.state === 'running' || rebuild?.state === 'switching' ? 1 : 0),
    );
    gauge(
      'portfolio_checkpoint_age_seconds',
      'seconds since the latest signed checkpoint of the log was signed (absent while none is)',
      [],
      (g, { checkpoint }) =>
        checkpoint !== undefined && g.set((this.clock.now().getTime() - Date.parse(checkpoint.signedAt)) / 1000),
    );
    gauge(
      'portfolio_checkpoint_tree_size',
      'events covered by the latest signed checkpoint',
      [],
      (g, { checkpoint }) => checkpoint !== undefined && g.set(checkpoint.treeSize),
    );
  }

  /** One read per scrape: the gauges collect at once, and share it. */
  private read(): Promise<LedgerState | undefined> {
    this.pending ??= this.load().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async load(): Promise<LedgerState | undefined> {
    try {
      const [status, checkpoint] = await Promise.all([this.projections.status(), this.checkpoints.latest()]);
      return { ...status, checkpoint };
    } catch {
      return undefined;
    }
  }
}
