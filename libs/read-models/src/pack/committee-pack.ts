import type { IndicatorMove, NamedChanges } from '../diff/named-changes';
import type { HealthChange } from '../diff/named-health';
import { PROGRESS_DECIMALS, roundTo } from '../diff/unit-precision';
import { compareKeys } from '../queries/paging';
import type { MissionView, PortfolioDocument, ProjectSummary } from '../views/documents';
import { projectProgress } from '../views/mission-view';
import {
  CHANGE_COLUMNS,
  PROJECT_COLUMNS,
  type ChangeColumnName,
  type PackRow,
  type PackTable,
  type ProjectColumnName,
} from './pack-columns';
import {
  CHANGE_KIND_WORDS,
  frenchNumber,
  HEALTH_WORDS,
  healthReasonWords,
  OUTCOME_WORDS,
  signedFrenchNumber,
  STATUS_WORDS,
  type ChangeKind,
} from './pack-words';

/** The committee pack of a review cycle: its portfolio, one row per project, and what changed since the cycle before. */
export interface CommitteePack {
  readonly cycleId: string;
  readonly projects: PackTable<ProjectColumnName>;
  readonly changes: PackTable<ChangeColumnName>;
}

/** The report's parts the pack reads: the portfolio as the committee saw it, and the named changes. */
export interface PackSource {
  readonly cycleId: string;
  readonly portfolio: Pick<PortfolioDocument, 'missions'>;
  readonly changes: NamedChanges;
}

type ChangeRow = PackRow<ChangeColumnName>;

/**
 * Pure: the pack of a cycle's report. Projects come in the portfolio's order (missions by code, projects by id), each
 * with its changes in words; the changes come by project id, then in the order of CHANGE_KIND_WORDS.
 */
export function committeePack(report: PackSource): CommitteePack {
  const changes = changeRows(report.changes);
  const projects = report.portfolio.missions.flatMap((mission) =>
    mission.projects.map((project) => projectRow(mission, project, changes)),
  );
  return {
    cycleId: report.cycleId,
    projects: { columns: PROJECT_COLUMNS, rows: projects },
    changes: { columns: CHANGE_COLUMNS, rows: changes },
  };
}

function projectRow(mission: MissionView, project: ProjectSummary, changes: readonly ChangeRow[]) {
  const progress = projectProgress(project);
  const row: PackRow<ProjectColumnName> = {
    code_mission: mission.missionCode,
    mission: mission.name,
    id_projet: project.projectId,
    projet: project.title,
    statut: STATUS_WORDS[project.status],
    issue: project.outcome === null ? null : OUTCOME_WORDS[project.outcome],
    sante: project.health === null ? null : HEALTH_WORDS[project.health],
    avancement: typeof progress === 'number' ? roundTo(progress, PROGRESS_DECIMALS) : null,
    jalons: project.milestones.total,
    jalons_atteints: project.milestones.reached,
    jalons_atteints_en_retard: project.milestones.reachedLate,
    jalons_en_retard: project.milestones.overdue,
    version_plan: project.planVersion,
    lance_le: project.launchedOn,
    cloture_le: project.closedOn,
    evolution: evolutionOf(project.projectId, changes),
  };
  return row;
}

/** The project's changes in words, in the changes table's order; null when nothing changed. */
function evolutionOf(projectId: string, changes: readonly ChangeRow[]): string | null {
  const details = changes.filter((change) => change.id_projet === projectId).map((change) => change.detail);
  return details.length === 0 ? null : details.join(' ; ');
}

type ChangeFields = Partial<Omit<ChangeRow, 'id_projet' | 'projet' | 'nature' | 'detail'>>;

function change(kind: ChangeKind, projectId: string, title: string, detail: string, fields: ChangeFields = {}) {
  const row: ChangeRow = {
    id_projet: projectId,
    projet: title,
    nature: CHANGE_KIND_WORDS[kind],
    element: null,
    avant: null,
    apres: null,
    variation: null,
    unite: null,
    date: null,
    detail,
    ...fields,
  };
  return { kind, projectId, row };
}

function changeRows(changes: NamedChanges): ChangeRow[] {
  const all = [
    ...projectChanges(changes),
    ...milestoneChanges(changes.milestones),
    ...changes.indicatorMoves.map(indicatorChange),
    ...changes.healthChanges.map(healthChangeRow),
  ];
  const kinds = Object.keys(CHANGE_KIND_WORDS);
  return all
    .sort((a, b) => compareKeys(a.projectId, b.projectId) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind))
    .map(({ row }) => row);
}

/** Projects launched, withdrawn, closed or redesigned. */
function projectChanges(changes: NamedChanges) {
  return [
    ...changes.launched.map((p) =>
      change('launched', p.projectId, p.title, `lancé le ${p.launchedOn}`, { date: p.launchedOn }),
    ),
    ...changes.withdrawn.map((p) => change('withdrawn', p.projectId, p.title, 'absent du portefeuille de cette revue')),
    ...changes.closed.map((p) =>
      change(
        'closed',
        p.projectId,
        p.projectTitle,
        `clôturé le ${p.closedOn} (${OUTCOME_WORDS[p.outcome]}) : ${p.note}`,
        {
          avant: STATUS_WORDS.active,
          apres: STATUS_WORDS.closed,
          date: p.closedOn,
        },
      ),
    ),
    ...changes.redesigned.map((r) =>
      change(
        'redesigned',
        r.projectId,
        r.projectTitle,
        `plan révisé (version ${r.planVersion}) le ${r.decidedOn}${r.decidedBy === null ? '' : ` par ${r.decidedBy}`}` +
          ` : ${r.reason}`,
        { avant: String(r.planVersion - 1), apres: String(r.planVersion), date: r.decidedOn },
      ),
    ),
  ];
}

function milestoneChanges(milestones: NamedChanges['milestones']) {
  return [
    ...milestones.reached.map((m) =>
      change(
        'milestoneReached',
        m.projectId,
        m.projectTitle,
        `jalon « ${m.title} » atteint le ${m.reachedOn}` +
          (m.daysLate > 0 ? ` avec ${m.daysLate} jours de retard` : ' dans les temps'),
        { element: m.title, date: m.reachedOn },
      ),
    ),
    ...milestones.added.map((m) =>
      change('milestoneAdded', m.projectId, m.projectTitle, `jalon « ${m.title} » ajouté, échéance ${m.dueOn}`, {
        element: m.title,
        apres: m.dueOn,
      }),
    ),
    ...milestones.removed.map((m) =>
      change('milestoneRemoved', m.projectId, m.projectTitle, `jalon « ${m.title} » retiré (échéance ${m.dueOn})`, {
        element: m.title,
        avant: m.dueOn,
      }),
    ),
    ...milestones.rescheduled.map((m) =>
      change(
        'milestoneRescheduled',
        m.projectId,
        m.projectTitle,
        `jalon « ${m.title} » replanifié du ${m.previousDueOn} au ${m.dueOn}`,
        { element: m.title, avant: m.previousDueOn, apres: m.dueOn },
      ),
    ),
  ];
}

function healthChangeRow(h: HealthChange) {
  const move = `santé ${HEALTH_WORDS[h.from]} → ${HEALTH_WORDS[h.to]}`;
  const why = h.reasons.map(healthReasonWords).join(', ');
  return change('healthChanged', h.projectId, h.projectTitle, why === '' ? move : `${move} : ${why}`, {
    avant: HEALTH_WORDS[h.from],
    apres: HEALTH_WORDS[h.to],
  });
}

function indicatorChange(move: IndicatorMove) {
  const value = (side: IndicatorMove['before']) => (side === null ? null : String(side.value));
  const inWords = (side: NonNullable<IndicatorMove['before']>) => `${frenchNumber(side.value)} ${move.unit}`;
  const delta = move.delta === null ? '' : ` (${signedFrenchNumber(move.delta)})`;
  const words =
    move.after === null
      ? 'plus de valeur'
      : move.before === null
        ? `première valeur ${inWords(move.after)}`
        : `${inWords(move.before)} → ${inWords(move.after)}${delta}`;
  const period = move.after === null ? null : move.after.period;
  return change('indicatorMoved', move.projectId, move.projectTitle, `« ${move.label} » : ${words}`, {
    element: move.label,
    avant: value(move.before),
    apres: value(move.after),
    variation: move.delta,
    unite: move.unit,
    date: period,
  });
}
