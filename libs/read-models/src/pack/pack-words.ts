import type { Health, ProjectOutcome } from '@portfolio/domain';
import type { NamedHealthReason } from '../diff/named-health';

// The committee pack speaks French, as the committee does: the words of its cells, one place for all of them.

export const HEALTH_WORDS: Readonly<Record<Health, string>> = { green: 'vert', amber: 'orange', red: 'rouge' };

export const STATUS_WORDS: Readonly<Record<'active' | 'closed', string>> = { active: 'en cours', closed: 'clôturé' };

export const OUTCOME_WORDS: Readonly<Record<ProjectOutcome, string>> = { completed: 'achevé', abandoned: 'abandonné' };

/** What kind of change a row of the changes table is, as the named changes tell them apart. */
export const CHANGE_KIND_WORDS = {
  launched: 'lancement',
  withdrawn: 'retrait',
  closed: 'clôture',
  redesigned: 'révision du plan',
  milestoneReached: 'jalon atteint',
  milestoneAdded: 'jalon ajouté',
  milestoneRemoved: 'jalon retiré',
  milestoneRescheduled: 'jalon replanifié',
  indicatorMoved: 'nouvelle valeur',
  healthChanged: 'changement de santé',
} as const;

export type ChangeKind = keyof typeof CHANGE_KIND_WORDS;

/** A figure inside a French sentence: decimal comma (the numeric columns keep the decimal point). */
export function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** A signed difference, as a reviewer reads a move: +3, -2, 0. */
export function signedFrenchNumber(value: number): string {
  return value > 0 ? `+${frenchNumber(value)}` : frenchNumber(value);
}

/** One reason of the health rule, in words. */
export function healthReasonWords(reason: NamedHealthReason): string {
  const colour = HEALTH_WORDS[reason.colour];
  return reason.kind === 'milestone_overdue'
    ? `jalon « ${reason.title} » en retard de ${reason.overdueDays} jours (${colour})`
    : `indicateur « ${reason.label} » à ${frenchNumber(reason.progress)} % de sa cible pour ` +
        `${frenchNumber(reason.expectedProgress)} % attendus (${colour})`;
}
