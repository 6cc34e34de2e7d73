import type { PlanChanges, ProjectOutcome, Territory } from '@portfolio/domain';
import { formatNumber, FRENCH_NUMBERS, frenchCountOf, guillemets, oneLine } from './plain-text';
import type { SummaryCatalogue } from './summary-catalogue';

/** The history's summaries in French, saying what the English ones say, in the administration's vocabulary. */
export const FRENCH_SUMMARIES: SummaryCatalogue = {
  MissionDefined: (data) => {
    const summary = `Mission ${data.missionCode} ${guillemets(data.name)} définie dans le programme ${oneLine(data.programme)} le ${data.definedOn}`;
    return data.description === undefined ? summary : `${summary} — ${guillemets(data.description)}`;
  },
  ProjectLaunched: (data) => {
    const plan = `${jalons(data.milestones.length)} et ${indicateurs(data.indicators.length)}`;
    return (
      `Projet ${guillemets(data.title)} lancé dans la mission ${data.missionCode} le ${data.launchedOn} avec ${plan}` +
      ` (pilote : ${oneLine(data.leadOrganisation)})`
    );
  },
  MilestoneReached: (data) => {
    const timing =
      data.daysLate > 0 ? `avec ${frenchCountOf(data.daysLate, 'jour', 'jours')} de retard` : 'dans les délais';
    const summary = `Jalon ${data.milestoneId} atteint le ${data.reachedOn}, ${timing}`;
    return data.evidence === undefined ? summary : `${summary} (justificatif : ${oneLine(data.evidence)})`;
  },
  IndicatorMeasured: (data) => {
    const where = `pour la période se terminant le ${data.period} (${territoryLabel(data.territory)})`;
    const summary =
      data.publishedCurrent === true
        ? `Valeur actuelle publiée de ${data.indicatorId} = ${number(data.value)} ${where}`
        : data.supersedes === undefined
          ? `Mesure de ${data.indicatorId} = ${number(data.value)} ${where}`
          : `Correction de ${data.indicatorId} ${where} : ${number(data.supersedes)} → ${number(data.value)}`;
    return data.source === undefined ? summary : `${summary}, source : ${oneLine(data.source)}`;
  },
  ProjectRedesigned: (data) => {
    const by = data.decidedBy === undefined ? '' : ` par ${oneLine(data.decidedBy)}`;
    return `Refonte (plan v${data.planVersion}) le ${data.decidedOn}${by} : ${describeChanges(data.changes)} — ${guillemets(data.reason)}`;
  },
  ProjectClosed: (data) => `Clôture (${OUTCOMES[data.outcome]}) le ${data.closedOn} : ${oneLine(data.note)}`,
  ReviewCycleHeld: (data) =>
    `Revue (CITP) ${data.cycleId} ${guillemets(data.title)} tenue le ${data.heldOn},` +
    ` scellant ${frenchCountOf(data.eventCount, 'événement', 'événements')} jusqu’à la position ${data.sealedPosition}`,
  PersonalDataErased: (data) => {
    const keys = frenchCountOf(data.keyIds.length, 'clé supprimée', 'clés supprimées');
    const scope = data.before === undefined ? '' : ` (conservation : mois antérieurs à ${data.before})`;
    return `Données personnelles de ${data.subjectId} effacées le ${data.erasedOn}${scope}, ${keys} : ${oneLine(data.reason)}`;
  },
};

const OUTCOMES: Readonly<Record<ProjectOutcome, string>> = {
  completed: 'projet achevé',
  abandoned: 'projet abandonné',
};

function number(value: number): string {
  return formatNumber(value, FRENCH_NUMBERS);
}

function jalons(count: number): string {
  return frenchCountOf(count, 'jalon', 'jalons');
}

function indicateurs(count: number): string {
  return frenchCountOf(count, 'indicateur', 'indicateurs');
}

function territoryLabel(territory: Territory): string {
  return `${TERRITORY_LEVELS[territory.level]} ${territory.code}`;
}

const TERRITORY_LEVELS: Readonly<Record<Territory['level'], string>> = {
  national: 'national',
  region: 'région',
  departement: 'département',
};

/** The changes as counts, in the English summary's order; the participle agrees with the count. */
function describeChanges(changes: PlanChanges): string {
  const { milestones, indicators } = changes;
  const parts = [
    changes.objective === undefined ? undefined : 'objectif modifié',
    counted(milestones.added.length, jalons, 'ajouté'),
    counted(milestones.removed.length, jalons, 'supprimé'),
    counted(milestones.rescheduled.length, jalons, 'replanifié'),
    counted(indicators.added.length, indicateurs, 'ajouté'),
    counted(indicators.retired.length, indicateurs, 'retiré'),
    indicators.retargeted.length === 0 ? undefined : `cible revue pour ${indicateurs(indicators.retargeted.length)}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? 'aucune modification du plan' : parts.join(', ');
}

function counted(count: number, noun: (count: number) => string, participle: string): string | undefined {
  if (count === 0) return undefined;
  return `${noun(count)} ${count < 2 ? participle : `${participle}s`}`;
}
