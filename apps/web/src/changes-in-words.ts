// What changed between two committees, in French sentences: one section per kind of change, as a committee reads it.
import type { NamedChanges } from '../../../libs/read-models/src/diff/named-changes';
import type { NamedHealthReason } from '../../../libs/read-models/src/diff/named-health';
import type { LatestValue } from '../../../libs/read-models/src/views/documents';
import type { Health } from './components/health-badge';
import { frenchDate, frenchNumber, frenchPercent, plural } from './french';

/** One change: its sentence, and for a health change the colours it went from and to (shown as badges too). */
export interface ChangeLine {
  readonly text: string;
  readonly health?: { readonly from: Health; readonly to: Health };
}

export interface ChangeSection {
  readonly title: string;
  readonly lines: readonly ChangeLine[];
}

const HEALTH_NAMES: Readonly<Record<Health, string>> = { green: 'vert', amber: 'orange', red: 'rouge' };
const OUTCOMES = { completed: 'mené à son terme', abandoned: 'abandonné' } as const;

const said = (text: string): ChangeLine => ({ text });

/** « 12,30 % des classes (au 31 décembre 2022) », or « aucune valeur ». */
function valueInWords(latest: LatestValue | null, decimals: number, unit: string): string {
  if (latest === null) return 'aucune valeur';
  const period = /^\d{4}-\d{2}-\d{2}$/.test(latest.period) ? `au ${frenchDate(latest.period)}` : latest.period;
  return `${frenchNumber(latest.value, decimals)} ${unit} (${period})`;
}

function deltaInWords(delta: number | null, decimals: number): string {
  if (delta === null) return '';
  return ` : ${delta > 0 ? '+' : ''}${frenchNumber(delta, decimals)}`;
}

/** Why the health rule gives its colour: a late milestone, or an indicator behind its trajectory. */
export function reasonInWords(reason: NamedHealthReason): string {
  if (reason.kind === 'milestone_overdue') {
    const late = plural(reason.overdueDays, 'jour');
    return `le jalon « ${reason.title} », prévu le ${frenchDate(reason.dueOn)}, a ${late} de retard`;
  }
  const { progress, expectedProgress } = reason;
  return `« ${reason.label} » atteint ${frenchPercent(progress)} de sa cible pour ${frenchPercent(expectedProgress)} attendus`;
}

function healthLines(changes: NamedChanges): ChangeLine[] {
  return changes.healthChanges.map((change) => {
    const reasons = change.reasons.length === 0 ? 'plus aucun signal d’alerte' : change.reasons.map(reasonInWords);
    const why = typeof reasons === 'string' ? reasons : reasons.join(' ; ');
    return {
      text: `« ${change.projectTitle} » passe de ${HEALTH_NAMES[change.from]} à ${HEALTH_NAMES[change.to]} : ${why}.`,
      health: { from: change.from, to: change.to },
    };
  });
}

function milestoneLines({ milestones }: NamedChanges): ChangeSection[] {
  const reached = milestones.reached.map(({ projectTitle, title, reachedOn, dueOn, daysLate }) => {
    const when = daysLate > 0 ? `avec ${plural(daysLate, 'jour')} de retard` : 'à temps';
    return said(
      `« ${projectTitle} » : « ${title} » atteint le ${frenchDate(reachedOn)}, ${when} (prévu le ${frenchDate(dueOn)}).`,
    );
  });
  const rescheduled = milestones.rescheduled.map(({ projectTitle, title, previousDueOn, dueOn }) => {
    const way = dueOn > previousDueOn ? 'reporté' : 'avancé';
    return said(`« ${projectTitle} » : « ${title} » ${way} du ${frenchDate(previousDueOn)} au ${frenchDate(dueOn)}.`);
  });
  const added = milestones.added.map(({ projectTitle, title, dueOn }) =>
    said(`« ${projectTitle} » : « ${title} » ajouté, prévu le ${frenchDate(dueOn)}.`),
  );
  const removed = milestones.removed.map(({ projectTitle, title, dueOn }) =>
    said(`« ${projectTitle} » : « ${title} », prévu le ${frenchDate(dueOn)}, retiré du plan.`),
  );
  return [
    { title: 'Jalons atteints', lines: reached },
    { title: 'Jalons replanifiés', lines: rescheduled },
    { title: 'Jalons ajoutés', lines: added },
    { title: 'Jalons retirés', lines: removed },
  ];
}

function projectLines(changes: NamedChanges): ChangeSection[] {
  const launched = changes.launched.map(({ title, missionCode, launchedOn }) =>
    said(`« ${title} » (mission ${missionCode}) lancé le ${frenchDate(launchedOn)}.`),
  );
  const withdrawn = changes.withdrawn.map(({ title, missionCode }) =>
    said(`« ${title} » (mission ${missionCode}) n’est plus connu.`),
  );
  const redesigned = changes.redesigned.map(({ projectTitle, planVersion, decidedOn, decidedBy, reason }) => {
    const by = decidedBy === null ? '' : ` par ${decidedBy}`;
    return said(`« ${projectTitle} » : plan n° ${planVersion} décidé le ${frenchDate(decidedOn)}${by} : ${reason}`);
  });
  const closed = changes.closed.map(({ projectTitle, outcome, closedOn, note }) =>
    said(`« ${projectTitle} » clôturé le ${frenchDate(closedOn)}, ${OUTCOMES[outcome]} : ${note}`),
  );
  return [
    { title: 'Projets lancés', lines: launched },
    { title: 'Projets retirés', lines: withdrawn },
    { title: 'Refontes', lines: redesigned },
    { title: 'Clôtures', lines: closed },
  ];
}

function indicatorLines(changes: NamedChanges): ChangeLine[] {
  return changes.indicatorMoves.map(({ projectTitle, label, unit, decimals, before, after, delta }) =>
    said(
      `« ${projectTitle} » : « ${label} » passe de ${valueInWords(before, decimals, unit)} à ` +
        `${valueInWords(after, decimals, unit)}${deltaInWords(delta, decimals)}.`,
    ),
  );
}

/** The sections that have something to say, in the order a committee goes through them. */
export function changesInWords(changes: NamedChanges): ChangeSection[] {
  return [
    { title: 'Santé des projets', lines: healthLines(changes) },
    ...milestoneLines(changes),
    { title: 'Indicateurs', lines: indicatorLines(changes) },
    ...projectLines(changes),
  ].filter((section) => section.lines.length > 0);
}
