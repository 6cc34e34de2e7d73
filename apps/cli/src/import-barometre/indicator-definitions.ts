import type { IndicatorDefinition } from '@portfolio/domain';
import type { DetailRow, Synthesis } from './barometre-files';
import type { Findings } from './findings';
import { bounded } from './mapping';
import type { ProjectPlan } from './project-plans';

/**
 * The definition of each indicator of the project the ledger does not know yet: from the synthesis when one is given,
 * otherwise from the indicator's first and last values. Indicators that cannot be defined have their rows rejected.
 */
export function definitionsFor(
  plan: ProjectPlan,
  synthesis: Synthesis | undefined,
  findings: Findings,
): IndicatorDefinition[] {
  const definitions: IndicatorDefinition[] = [];
  for (const indicatorId of plan.indicatorIds) {
    const { state } = plan;
    const known =
      state.status === 'active' && Object.hasOwn(state.indicators, indicatorId)
        ? state.indicators[indicatorId]
        : undefined;
    const entry = synthesis?.entries.get(indicatorId);
    if (known !== undefined) {
      if (known.retired) findings.rejectIndicator(plan, indicatorId, `retired from project ${plan.projectId}`);
      else if (entry?.definition !== undefined) warnOnPlanDrift(plan.projectId, known, entry.definition, findings);
      continue;
    }
    if (synthesis !== undefined) {
      if (entry === undefined) {
        findings.rejectIndicator(plan, indicatorId, `no target in the synthesis file (${indicatorId} is not in it)`);
      } else if (entry.definition === undefined) {
        findings.rejectIndicator(plan, indicatorId, `${entry.unusable} (${synthesis.table.file} line ${entry.line})`);
      } else {
        definitions.push(entry.definition);
      }
      continue;
    }
    const derived = derivedDefinition(plan.rows.filter((row) => row.indicatorId === indicatorId));
    if (typeof derived === 'string') findings.rejectIndicator(plan, indicatorId, derived);
    else definitions.push(derived);
  }
  return definitions;
}

/** Without a synthesis: baseline = the value of the earliest date, target = the value of the latest date, by that date. */
function derivedDefinition(rows: readonly DetailRow[]): IndicatorDefinition | string {
  let first = rows[0];
  let last = rows[0];
  for (const row of rows) {
    if (row.period < first.period) first = row;
    if (row.period > last.period) last = row;
  }
  if (first.period === last.period) return 'no synthesis file, and a single date: no target can be derived';
  if (first.value === last.value) {
    return `no synthesis file, and the first and last values are equal (${first.value}): no target can be derived`;
  }
  const label = first.label === '' ? first.indicatorId : first.label;
  if (first.unit === '') return 'the indicator has no unit (unite is empty)';
  return {
    indicatorId: first.indicatorId,
    label: bounded(label),
    unit: bounded(first.unit),
    direction: last.value < first.value ? 'decrease' : 'increase',
    baseline: { value: first.value, on: first.period },
    target: { value: last.value, by: last.period },
  };
}

function warnOnPlanDrift(
  projectId: string,
  known: IndicatorDefinition,
  published: IndicatorDefinition,
  findings: Findings,
): void {
  const describe = (d: IndicatorDefinition) =>
    `baseline ${d.baseline.value} on ${d.baseline.on}, target ${d.target.value} by ${d.target.by}`;
  if (describe(known) !== describe(published)) {
    findings.warnings.push(
      `${projectId}/${known.indicatorId}: the synthesis has ${describe(published)}, the plan in force ${describe(known)}; ` +
        'the plan is left as it is (retargeting is a redesign for the programme office to decide)',
    );
  }
}
