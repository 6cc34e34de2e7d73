import {
  NATIONAL_TERRITORY,
  isTargeted,
  latestValue,
  progressTowardTarget,
  type IndicatorDefinition,
  type Progress,
} from '@portfolio/domain';
import { readSynthesis } from './synthesis-file';
import { Renames } from './renames';
import type { LedgerPort } from '../ledger-port';

/** How the ledger's progress (ARCHITECTURE §7) of one indicator compares with the synthesis file's `pourcentage_cible`. */
export interface SynthesisComparison {
  readonly indicatorId: string;
  readonly projectId: string;
  /** Line of the indicator in the synthesis file. */
  readonly line: number;
  /**
   * `compared` when the ledger defines the indicator and holds a national value; otherwise why it cannot be compared:
   * the indicator was not imported, is a monitored series (no target: progress does not apply), has no national value,
   * or the file publishes no percentage.
   */
  readonly status: 'compared' | 'not_imported' | 'monitored_only' | 'no_national_value' | 'not_published';
  /** `pourcentage_cible`: published in whole percent. */
  readonly published?: number;
  /** The latest national value known to the ledger (§7's "latest"). */
  readonly latest?: { readonly period: string; readonly value: number };
  /** progressTowardTarget(definition, latest). */
  readonly computed?: Progress;
  /** Whether computed.shown, rounded to a whole percent as published, is within the tolerance of `published`. */
  readonly agrees: boolean;
  /** `valeur_actuelle` / `date_valeur_actuelle`: the value the publisher computed its percentage from. */
  readonly valeurActuelle?: { readonly value: number; readonly on: string };
  /** progressTowardTarget(definition, valeur_actuelle). */
  readonly computedFromValeurActuelle?: Progress;
  readonly agreesFromValeurActuelle: boolean;
}

/**
 * For every indicator of a (national) synthesis file, the ledger's §7 progress toward target, computed by the domain's
 * `progressTowardTarget` from the indicator's definition and latest national value, beside the published
 * `pourcentage_cible`. The published percentages are whole numbers (e.g. 91 for 91.43), so the computed value is
 * rounded before it is compared, with `tolerance` (default 0.1) to absorb floating-point noise.
 */
export async function checkSynthesisProgress(
  synthesePath: string,
  ports: Pick<LedgerPort, 'project'>,
  options: { readonly tolerance?: number } = {},
): Promise<SynthesisComparison[]> {
  const tolerance = options.tolerance ?? 0.1;
  const synthesis = await readSynthesis(synthesePath);
  const renames = await Renames.load();
  const comparisons: SynthesisComparison[] = [];
  for (const entry of synthesis.entries.values()) {
    const { projectId } = renames.identityOf(entry.mesure);
    const base = {
      indicatorId: entry.indicatorId,
      projectId,
      line: entry.line,
      ...(entry.pourcentageCible === undefined ? {} : { published: entry.pourcentageCible }),
      ...(entry.valeurActuelle === undefined ? {} : { valeurActuelle: entry.valeurActuelle }),
    };
    const state = await ports.project(projectId);
    const definition: IndicatorDefinition | undefined =
      state.status !== 'not_launched' && Object.hasOwn(state.indicators, entry.indicatorId)
        ? state.indicators[entry.indicatorId]
        : undefined;
    if (definition === undefined || !isTargeted(definition)) {
      const status = definition === undefined ? 'not_imported' : 'monitored_only';
      comparisons.push({ ...base, status, agrees: false, agreesFromValeurActuelle: false });
      continue;
    }
    const agreesWith = (progress: Progress | undefined) =>
      progress !== undefined &&
      entry.pourcentageCible !== undefined &&
      Math.abs(Math.round(progress.shown) - entry.pourcentageCible) <= tolerance;
    const fromActual =
      entry.valeurActuelle === undefined ? undefined : progressTowardTarget(definition, entry.valeurActuelle.value);
    const latest =
      state.status === 'not_launched'
        ? undefined
        : latestValue(state.measurements, entry.indicatorId, NATIONAL_TERRITORY);
    const computed = latest === undefined ? undefined : progressTowardTarget(definition, latest.value);
    comparisons.push({
      ...base,
      status:
        entry.pourcentageCible === undefined
          ? 'not_published'
          : latest === undefined
            ? 'no_national_value'
            : 'compared',
      ...(latest === undefined ? {} : { latest }),
      ...(computed === undefined ? {} : { computed }),
      agrees: agreesWith(computed),
      ...(fromActual === undefined ? {} : { computedFromValeurActuelle: fromActual }),
      agreesFromValeurActuelle: agreesWith(fromActual),
    });
  }
  return comparisons;
}
