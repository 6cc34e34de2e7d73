import { isTargeted, type IndicatorDefinition, type IndicatorTarget } from '@portfolio/domain';
import type { DetailRow } from './barometre-files';
import type { Findings } from './findings';
import { bounded } from './mapping';
import type { ProjectPlan } from './project-plans';
import type { Synthesis } from './synthesis-file';

/** A target of the plan in force that the synthesis revised. */
export interface RevisedTarget {
  readonly indicatorId: string;
  readonly from: IndicatorTarget;
  readonly to: IndicatorTarget;
}

/**
 * The definition of each indicator of the project the ledger does not know yet: from the synthesis when one is given,
 * otherwise from the indicator's first and last values. An indicator without a usable target is defined as a monitored
 * series (noted in the findings with why); one that cannot be defined at all (no unit) has its rows rejected.
 * With them, the targets of known indicators the synthesis revised (a later release moving an indicator's target).
 */
export function definitionsFor(
  plan: ProjectPlan,
  synthesis: Synthesis | undefined,
  findings: Findings,
): { readonly definitions: IndicatorDefinition[]; readonly revisedTargets: RevisedTarget[] } {
  const definitions: IndicatorDefinition[] = [];
  const revisedTargets: RevisedTarget[] = [];
  for (const indicatorId of plan.indicatorIds) {
    const { state } = plan;
    const known =
      state.status === 'active' && Object.hasOwn(state.indicators, indicatorId)
        ? state.indicators[indicatorId]
        : undefined;
    if (known !== undefined) {
      const published = synthesis?.entries.get(indicatorId)?.definition;
      if (known.retired) findings.rejectIndicator(plan, indicatorId, `retired from project ${plan.projectId}`);
      else if (published !== undefined) {
        const revised = revisedTarget(known, published);
        if (revised !== undefined) revisedTargets.push(revised);
        warnOnPlanDrift(
          plan.projectId,
          revised === undefined ? known : { ...known, target: revised.to },
          published,
          findings,
        );
      }
      continue;
    }
    const rows = plan.rows.filter((row) => row.indicatorId === indicatorId);
    const defined =
      synthesis === undefined ? derivedDefinition(rows) : publishedDefinition(indicatorId, rows, synthesis);
    if (typeof defined === 'string') findings.rejectIndicator(plan, indicatorId, defined);
    else if (defined.monitoredBecause === undefined) definitions.push(defined.definition);
    else definitions.push(findings.monitored(plan, defined.definition, defined.monitoredBecause));
  }
  return { definitions, revisedTargets };
}

/** The published target, when it moves the target in force (a monitored series has none to move). */
function revisedTarget(known: IndicatorDefinition, published: IndicatorDefinition): RevisedTarget | undefined {
  if (!isTargeted(known) || !isTargeted(published)) return undefined;
  const { target: from } = known;
  const { target: to } = published;
  return from.value === to.value && from.by === to.by ? undefined : { indicatorId: known.indicatorId, from, to };
}

/** A definition, and why it has no target when it is a monitored series; or why the indicator cannot be defined. */
type Defined = { readonly definition: IndicatorDefinition; readonly monitoredBecause?: string } | string;

/** From the synthesis row of the indicator, or, when it has none or an unusable one, from its detail rows. */
function publishedDefinition(indicatorId: string, rows: readonly DetailRow[], synthesis: Synthesis): Defined {
  const entry = synthesis.entries.get(indicatorId);
  const where = entry === undefined ? '' : ` (${synthesis.table.file} line ${entry.line})`;
  if (entry?.definition !== undefined) {
    const { definition, monitoredBecause } = entry;
    return monitoredBecause === undefined ? { definition } : { definition, monitoredBecause: monitoredBecause + where };
  }
  const why = entry === undefined ? `${indicatorId} is not in the synthesis file` : `${entry.unusable}${where}`;
  // The detail rows still name and measure it: a monitored series labelled from them.
  const series = seriesOf(rows);
  return typeof series === 'string' ? `${why}; ${series}` : { definition: series.definition, monitoredBecause: why };
}

/** The indicator as its detail rows name it (label and unit of its earliest row), with that earliest row. */
function seriesOf(
  rows: readonly DetailRow[],
): { readonly definition: IndicatorDefinition; readonly first: DetailRow } | string {
  const first = rows.reduce((earliest, row) => (row.period < earliest.period ? row : earliest), rows[0]);
  if (first.unit === '') return 'the indicator has no unit (unite is empty)';
  const label = bounded(first.label === '' ? first.indicatorId : first.label);
  return { definition: { indicatorId: first.indicatorId, label, unit: bounded(first.unit) }, first };
}

/**
 * Without a synthesis: baseline = the value of the earliest date, target = the value of the latest date, by that date.
 * A single date, or equal first and last values, give no target: the indicator is then a monitored series.
 */
function derivedDefinition(rows: readonly DetailRow[]): Defined {
  const series = seriesOf(rows);
  if (typeof series === 'string') return series;
  const { first } = series;
  const last = rows.reduce((latest, row) => (row.period > latest.period ? row : latest), rows[0]);
  const definition = { ...series.definition, baseline: { value: first.value, on: first.period } };
  if (first.period === last.period) {
    return { definition, monitoredBecause: 'no synthesis file, and a single date: no target can be derived' };
  }
  if (first.value === last.value) {
    const monitoredBecause = `no synthesis file, and the first and last values are equal (${first.value}): no target can be derived`;
    return { definition, monitoredBecause };
  }
  return {
    definition: {
      ...definition,
      direction: last.value < first.value ? 'decrease' : 'increase',
      target: { value: last.value, by: last.period },
    },
  };
}

function warnOnPlanDrift(
  projectId: string,
  known: IndicatorDefinition,
  published: IndicatorDefinition,
  findings: Findings,
): void {
  const describe = (d: IndicatorDefinition) =>
    `baseline ${d.baseline === undefined ? 'none' : `${d.baseline.value} on ${d.baseline.on}`}, ` +
    `target ${d.target === undefined ? 'none' : `${d.target.value} by ${d.target.by}`}`;
  if (describe(known) !== describe(published)) {
    findings.warnings.push(
      `${projectId}/${known.indicatorId}: the synthesis has ${describe(published)}, the plan in force ${describe(known)}; ` +
        'the plan is left as it is (the import only follows a revised target of a targeted indicator)',
    );
  }
}
