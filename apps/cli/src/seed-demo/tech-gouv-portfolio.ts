/*
 * The Tech.gouv demo portfolio: an ordered list of steps, each a command sent through the ledger's handlers (or the
 * import of a Baromètre release), in the order the facts became known.
 *
 * Sources: public facts from the press coverage of DITP and DINUM in 2021 (Tech.gouv road map 2019-2022 as updated in
 * 2021, the CITP communiqués, the Baromètre des résultats de l'action publique), gathered in
 * demo-data/techgouv-facts.md; the Baromètre's open data (Etalab, Licence Ouverte 2.0) in demo-data/barometre.
 *
 * What is fact and what is not:
 * - Figures from the sources are measured with the source `PRESS_2021` or `BAROMETRE_*`; every other figure (most
 *   baselines and targets, intermediate values) is illustrative and measured with the source `ILLUSTRATIVE`.
 * - Dates the sources give only as a month (or a season) are placed on a plausible day; dates the sources do not give
 *   at all (most launches, due dates) are illustrative. Such steps say so in `approximate`.
 * - Which projects were completed by the end of 2021 is not in the sources ("10 of the 43 projects will be completed by
 *   the end of 2021"): the four closures below are illustrative.
 *
 * Log order matters: a review cycle seals the log as it stands when it is held, so each CITP comes after the facts
 * known by then, and a few facts about earlier periods come after a cycle (a late report, a restatement), so that
 * time travel shows what each committee knew.
 */
import type {
  CloseProject,
  DefineMission,
  IndicatorDefinition,
  IndicatorDirection,
  LaunchProject,
  MeasurementInput,
  RedesignProject,
} from '@portfolio/domain';
import type { BarometreRelease, BarometreStep, CommandStep, SeedStep } from './types';

export const PROGRAMME = 'Tech.gouv';
/** Tech.gouv was launched in April 2019: the day is approximate. */
export const TECH_GOUV_LAUNCH = '2019-04-25';

const PRESS_2021 = 'DINUM, feuille de route Tech.gouv 2019-2022 mise à jour en 2021 (presse 2021)';
const BAROMETRE_2021 = 'Baromètre des résultats de l’action publique, DITP (presse 2021)';
const BAROMETRE_2023 = 'Baromètre des résultats de l’action publique, Etalab, release of 2023-01-19';
const ILLUSTRATIVE = 'Valeur illustrative (données de démonstration, non publiée)';

const LAUNCHED_WITH_TECH_GOUV = 'launched with Tech.gouv (April 2019, day approximate); due dates illustrative';
const ILLUSTRATIVE_DATES = 'launch and due dates illustrative (not in the sources)';
const ILLUSTRATIVE_DATE = 'date illustrative (not in the sources)';

// ---------------------------------------------------------------------------------------------------------------------
// Builders: one per kind of step, so that the portfolio below reads as a chronology.

function mission(missionCode: string, name: string, description: string): CommandStep {
  const command: DefineMission = {
    type: 'DefineMission',
    missionCode,
    name,
    programme: PROGRAMME,
    description,
    definedOn: TECH_GOUV_LAUNCH,
  };
  return {
    id: `mission-${missionCode.toLowerCase()}`,
    command,
    approximate: 'Tech.gouv launch, April 2019: day approximate',
  };
}

function launch(project: Omit<LaunchProject, 'type'>, approximate: string): CommandStep {
  return { id: `launch-${project.projectId}`, command: { type: 'LaunchProject', ...project }, approximate };
}

function indicator(
  indicatorId: string,
  label: string,
  unit: string,
  direction: IndicatorDirection,
  baseline: readonly [value: number, on: string],
  target: readonly [value: number, by: string],
): IndicatorDefinition {
  return {
    indicatorId,
    label,
    unit,
    direction,
    baseline: { value: baseline[0], on: baseline[1] },
    target: { value: target[0], by: target[1] },
  };
}

function reach(
  projectId: string,
  milestoneId: string,
  reachedOn: string,
  evidence: string,
  approximate?: string,
): CommandStep {
  return {
    id: `reach-${projectId}-${milestoneId}`,
    command: { type: 'ReachMilestone', projectId, milestoneId, reachedOn, evidence },
    ...(approximate === undefined ? {} : { approximate }),
  };
}

function value(indicatorId: string, measured: number, period: string, source: string): MeasurementInput {
  return { indicatorId, value: measured, period, source };
}

/** Measurements of one project reported together; `label` names the report in the step id (e.g. `2021-06`). */
function measure(
  projectId: string,
  label: string,
  measurements: readonly MeasurementInput[],
  approximate?: string,
): CommandStep {
  return {
    id: `measure-${projectId}-${label}`,
    command: { type: 'RecordMeasurements', projectId, measurements },
    ...(approximate === undefined ? {} : { approximate }),
  };
}

function redesign(label: string, changes: Omit<RedesignProject, 'type'>, approximate?: string): CommandStep {
  return {
    id: `redesign-${changes.projectId}-${label}`,
    command: { type: 'RedesignProject', ...changes },
    ...(approximate === undefined ? {} : { approximate }),
  };
}

function closeCompleted(projectId: string, closedOn: string, note: string): CommandStep {
  const command: CloseProject = { type: 'CloseProject', projectId, outcome: 'completed', closedOn, note };
  return {
    id: `close-${projectId}`,
    command,
    approximate: 'closure illustrative: the sources say 10 of the 43 projects complete by end 2021, not which',
  };
}

function holdCitp(cycleId: string, title: string, heldOn: string, approximate: string): CommandStep {
  return { id: `hold-${cycleId}`, command: { type: 'HoldReviewCycle', cycleId, title, heldOn }, approximate };
}

function barometre(release: BarometreRelease): BarometreStep {
  return { id: `barometre-${release}`, barometreRelease: release };
}

// ---------------------------------------------------------------------------------------------------------------------
// 2018: the first CITP, before Tech.gouv existed. Its seal covers whatever the ledger held then (nothing of Tech.gouv).

const citp1: readonly SeedStep[] = [
  holdCitp(
    'citp-1',
    '1er Comité interministériel de la transformation publique : premières feuilles de route interministérielles (Action publique 2022)',
    '2018-02-01',
    'February 2018: day approximate',
  ),
];

// ---------------------------------------------------------------------------------------------------------------------
// April 2019: Tech.gouv, 8 missions, and the projects of its first road map.

const missions: readonly SeedStep[] = [
  mission('LABEL', 'Labellisation', 'Labelliser les solutions numériques recommandées aux administrations'),
  mission('IDNUM', 'Identité numérique', 'Une identification unifiée pour les services en ligne'),
  mission('DATA', 'Données', 'Exploiter les données au service des politiques publiques'),
  mission('INFRA', 'Infrastructures', 'Construire et opérer des infrastructures et des services partagés'),
  mission(
    'PILOT',
    'Pilotage des systèmes d’information',
    'Accompagner la conception et le pilotage des systèmes d’information de l’État',
  ),
  mission('TALENTS', 'Talents', 'Attirer et fidéliser les talents du numérique, accompagner les managers'),
  mission('BETA', 'Beta', 'Concevoir autrement les services publics numériques'),
  mission('TRANSFO', 'Transformation publique', 'Accompagner la transformation publique par le numérique'),
];

const launches2019: readonly SeedStep[] = [
  launch(
    {
      projectId: 'franceconnect',
      missionCode: 'IDNUM',
      title: 'FranceConnect',
      objective: 'Un identifiant unique pour se connecter à tous les services publics en ligne',
      leadOrganisation: 'DINUM',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        {
          milestoneId: 'franceconnect-plus',
          title: 'FranceConnect+ ouvert aux démarches sensibles (identité numérique La Poste)',
          dueOn: '2021-06-30',
        },
        {
          milestoneId: 'aidantconnect',
          title: 'AidantConnect : les aidants professionnels accompagnent les usagers en ligne',
          dueOn: '2021-12-31',
        },
      ],
      indicators: [
        indicator(
          'usagers',
          'Usagers de FranceConnect',
          'millions d’usagers',
          'increase',
          [10, '2019-04-30'],
          [30, '2022-12-31'],
        ),
        indicator(
          'services-raccordes',
          'Services en ligne raccordés à FranceConnect',
          'services',
          'increase',
          [500, '2019-04-30'],
          [1000, '2022-12-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; baselines and targets illustrative`,
  ),
  launch(
    {
      projectId: 'vitam',
      missionCode: 'DATA',
      title: 'Vitam : plateforme d’archivage électronique',
      objective: 'Une plateforme d’archivage électronique mutualisée entre ministères',
      leadOrganisation: 'DINUM (programme interministériel Vitam)',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        {
          milestoneId: 'plateforme-partagee',
          title: 'Plateforme en service, partagée par trois ministères',
          dueOn: '2020-12-31',
        },
      ],
      indicators: [
        indicator(
          'ministeres-utilisateurs',
          'Ministères utilisant la plateforme',
          'ministères',
          'increase',
          [1, '2019-04-30'],
          [5, '2022-12-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; baseline and target illustrative`,
  ),
  launch(
    {
      projectId: 'suivi-depenses-numeriques',
      missionCode: 'PILOT',
      title: 'Suivi des dépenses numériques de l’État',
      objective: 'Outiller le suivi des dépenses numériques de l’État pour piloter ses systèmes d’information',
      leadOrganisation: 'DINUM',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [{ milestoneId: 'outil-teste', title: 'Suivi outillé et testé', dueOn: '2020-12-31' }],
      indicators: [
        indicator(
          'ministeres-couverts',
          'Ministères dont les dépenses numériques sont suivies',
          'ministères',
          'increase',
          [0, '2019-04-30'],
          [16, '2022-12-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; target illustrative`,
  ),
  launch(
    {
      projectId: 'eig',
      missionCode: 'TALENTS',
      title: 'Entrepreneurs d’intérêt général (EIG)',
      objective:
        'Recruter chaque année une promotion de talents du numérique pour relever des défis d’intérêt général dans les administrations',
      leadOrganisation: 'DINUM',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        { milestoneId: 'promotion-4', title: 'Promotion EIG 4 lancée', dueOn: '2020-09-30' },
        { milestoneId: 'promotion-5', title: 'Promotion EIG 5 lancée', dueOn: '2021-09-30' },
        { milestoneId: 'promotion-6', title: 'Promotion EIG 6 lancée', dueOn: '2022-09-30' },
      ],
      indicators: [
        // One cohort a year since 2017 (EIG 1 in 2017): three by 2019, six by 2022.
        indicator(
          'promotions',
          'Promotions EIG lancées depuis 2017',
          'promotions',
          'increase',
          [3, '2019-04-30'],
          [6, '2022-12-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; one cohort a year (sources)`,
  ),
  launch(
    {
      projectId: 'incubateurs-ministeriels',
      missionCode: 'BETA',
      title: 'Incubateurs de startups d’État dans les ministères',
      objective: 'Doter chaque ministère d’un incubateur de startups d’État pour concevoir autrement ses services',
      leadOrganisation: 'DINUM (beta.gouv.fr)',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        {
          milestoneId: 'plupart-des-ministeres',
          title: 'Un incubateur dans la plupart des ministères',
          dueOn: '2021-06-30',
        },
      ],
      indicators: [
        indicator(
          'ministeres-avec-incubateur',
          'Ministères dotés d’un incubateur de startups d’État',
          'ministères',
          'increase',
          [6, '2019-04-30'],
          [14, '2022-12-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; baseline and target illustrative`,
  ),
  launch(
    {
      projectId: 'observatoire-qualite-demarches',
      missionCode: 'TRANSFO',
      title: 'Observatoire de la qualité des démarches en ligne',
      objective: 'Piloter la qualité des démarches en ligne et la publier dans un observatoire',
      leadOrganisation: 'DINUM',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        {
          milestoneId: 'observatoire-publie',
          title: 'Première édition de l’observatoire publiée',
          dueOn: '2019-09-30',
        },
      ],
      indicators: [
        indicator(
          'editions-publiees',
          'Éditions trimestrielles de l’observatoire publiées',
          'éditions',
          'increase',
          [0, '2019-04-30'],
          [13, '2022-12-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; target illustrative`,
  ),
  launch(
    {
      projectId: 'demarches-250',
      missionCode: 'TRANSFO',
      title: 'Les 250 démarches les plus utilisées entièrement en ligne',
      objective: 'Rendre entièrement disponibles en ligne les 250 démarches administratives les plus utilisées',
      leadOrganisation: 'DINUM',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        { milestoneId: 'toutes-en-ligne', title: 'Les 250 démarches disponibles en ligne', dueOn: '2022-05-31' },
      ],
      indicators: [
        indicator(
          'demarches-en-ligne',
          'Part des 250 démarches les plus utilisées entièrement en ligne',
          '%',
          'increase',
          [60, '2019-04-30'],
          [100, '2022-05-31'],
        ),
      ],
    },
    `${LAUNCHED_WITH_TECH_GOUV}; baseline illustrative`,
  ),
  launch(
    {
      projectId: 'sill',
      missionCode: 'LABEL',
      title: 'Socle interministériel de logiciels libres (SILL)',
      objective: 'Recommander aux administrations des logiciels libres éprouvés, dans un socle revu chaque année',
      leadOrganisation: 'DINUM',
      launchedOn: TECH_GOUV_LAUNCH,
      milestones: [
        { milestoneId: 'sill-2020', title: 'Édition 2020 du socle publiée', dueOn: '2020-03-31' },
        { milestoneId: 'sill-2021', title: 'Édition 2021 du socle publiée', dueOn: '2021-03-31' },
      ],
      indicators: [
        indicator(
          'logiciels-recommandes',
          'Logiciels libres recommandés',
          'logiciels',
          'increase',
          [150, '2019-04-30'],
          [300, '2022-12-31'],
        ),
      ],
    },
    // Not in the facts file: a second LABEL project so that every mission has two; every figure is illustrative.
    `${LAUNCHED_WITH_TECH_GOUV}; project and figures illustrative (not in the facts file)`,
  ),
  launch(
    {
      projectId: 'guichet-unique-problemes',
      missionCode: 'TRANSFO',
      title: 'Guichet unique d’analyse des problèmes administratifs',
      objective:
        'Recueillir et analyser en un point unique les problèmes administratifs signalés, pour les traiter à la source',
      leadOrganisation: 'DINUM',
      launchedOn: '2019-06-03',
      milestones: [{ milestoneId: 'guichet-ouvert', title: 'Guichet unique mis en place', dueOn: '2019-12-31' }],
      indicators: [
        indicator(
          'problemes-analyses',
          'Problèmes administratifs analysés',
          'problèmes',
          'increase',
          [0, '2019-06-03'],
          [500, '2021-12-31'],
        ),
      ],
    },
    'launched with "act II" of the reforms (June 2019, day approximate); due date and target illustrative',
  ),
  launch(
    {
      projectId: 'hubee',
      missionCode: 'DATA',
      title: 'Hubee : hub d’échange de données entre administrations',
      objective: 'Faire circuler les pièces et données des démarches entre administrations, sans les redemander',
      leadOrganisation: 'DINUM',
      launchedOn: '2019-09-02',
      milestones: [{ milestoneId: 'mise-en-service', title: 'Hubee en service', dueOn: '2020-12-31' }],
      indicators: [
        indicator(
          'administrations-raccordees',
          'Administrations raccordées à Hubee',
          'administrations',
          'increase',
          [0, '2019-09-02'],
          [100, '2022-12-31'],
        ),
      ],
    },
    ILLUSTRATIVE_DATES,
  ),
  launch(
    {
      projectId: 'mise-a-disposition-expertise',
      missionCode: 'TALENTS',
      title: 'Mise à disposition d’expertise numérique entre administrations',
      objective: 'Prêter des experts du numérique d’une administration à une autre, le temps d’un projet',
      leadOrganisation: 'DINUM',
      launchedOn: '2019-09-02',
      milestones: [
        { milestoneId: 'premieres-missions', title: 'Premières missions d’expertise engagées', dueOn: '2020-03-31' },
        { milestoneId: 'cinquante-missions', title: '50 missions d’expertise réalisées', dueOn: '2021-06-30' },
      ],
      indicators: [
        indicator(
          'missions-d-expertise',
          'Missions d’expertise réalisées',
          'missions',
          'increase',
          [0, '2019-09-02'],
          [50, '2021-12-31'],
        ),
      ],
    },
    `${ILLUSTRATIVE_DATES}; target illustrative`,
  ),
];

const facts2019: readonly SeedStep[] = [
  measure('franceconnect', '2019-10', [
    value('usagers', 13, '2019-10-31', ILLUSTRATIVE),
    value('services-raccordes', 600, '2019-10-31', ILLUSTRATIVE),
  ]),
  measure('demarches-250', '2019-09', [value('demarches-en-ligne', 65, '2019-09-30', ILLUSTRATIVE)]),
];

// ---------------------------------------------------------------------------------------------------------------------
// November 2019: 4th CITP.

const citp4: readonly SeedStep[] = [
  holdCitp(
    'citp-4',
    '4e CITP : une administration plus simple et plus réactive, plus proche et plus accessible, plus efficace grâce au numérique',
    '2019-11-15',
    'November 2019: day approximate',
  ),
];

// Reported after the 4th CITP: the committee saw the observatory overdue.
const after2019Review: readonly SeedStep[] = [
  reach(
    'observatoire-qualite-demarches',
    'observatoire-publie',
    '2019-10-15',
    'Première édition publiée (signalée après le 4e CITP)',
    ILLUSTRATIVE_DATE,
  ),
  launch(
    {
      projectId: 'qualite-environnement-numerique-agents',
      missionCode: 'TRANSFO',
      title: 'Qualité de l’environnement de travail numérique des agents',
      objective: 'Mesurer et améliorer la qualité de l’environnement de travail numérique des agents publics',
      leadOrganisation: 'DINUM',
      launchedOn: '2019-11-18',
      milestones: [
        {
          milestoneId: 'premiere-mesure',
          title: 'Première mesure de l’environnement de travail numérique des agents',
          dueOn: '2019-12-31',
        },
      ],
      indicators: [
        indicator(
          'agents-satisfaits',
          'Agents satisfaits de leur environnement de travail numérique',
          '%',
          'increase',
          [55, '2019-12-31'],
          [75, '2022-12-31'],
        ),
      ],
    },
    'tracked since late 2019 (sources): launch day, baseline and target illustrative',
  ),
  reach(
    'qualite-environnement-numerique-agents',
    'premiere-mesure',
    '2019-12-09',
    'Première mesure réalisée',
    'late 2019 (sources): day illustrative',
  ),
  measure('qualite-environnement-numerique-agents', '2019-12', [
    value('agents-satisfaits', 55, '2019-12-31', ILLUSTRATIVE),
  ]),
];

// ---------------------------------------------------------------------------------------------------------------------
// 2020: new projects, the health crisis, the digital intervention brigade.

const year2020: readonly SeedStep[] = [
  launch(
    {
      projectId: 'gouvtech-catalogue',
      missionCode: 'LABEL',
      title: 'Catalogue GouvTech',
      objective: 'Référencer et labelliser les logiciels et services numériques recommandés aux administrations',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-01-15',
      milestones: [{ milestoneId: 'catalogue-en-ligne', title: 'Catalogue GouvTech en ligne', dueOn: '2021-03-31' }],
      indicators: [
        indicator(
          'produits-references',
          'Logiciels et services référencés dans le catalogue',
          'produits',
          'increase',
          [0, '2020-01-15'],
          [600, '2022-12-31'],
        ),
      ],
    },
    `${ILLUSTRATIVE_DATES}; target illustrative`,
  ),
  reach(
    'guichet-unique-problemes',
    'guichet-ouvert',
    '2020-02-03',
    'Guichet unique mis en place début 2020',
    'early 2020 (sources): day approximate',
  ),
  reach('sill', 'sill-2020', '2020-02-10', 'Édition 2020 du SILL publiée', ILLUSTRATIVE_DATE),
  launch(
    {
      projectId: 'sac-a-dos-numerique',
      missionCode: 'INFRA',
      title: 'Sac à dos numérique de l’agent',
      objective: 'Offrir à chaque agent public un socle d’outils collaboratifs partagés, où qu’il travaille',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-03-02',
      milestones: [
        {
          milestoneId: 'premiers-outils',
          title: 'Premiers outils collaboratifs partagés en service',
          dueOn: '2020-12-31',
        },
        { milestoneId: 'sac-a-dos-complet', title: 'Sac à dos numérique complet', dueOn: '2022-06-30' },
      ],
      indicators: [
        indicator(
          'agents-equipes',
          'Agents disposant des outils partagés',
          'milliers d’agents',
          'increase',
          [0, '2020-03-02'],
          [500, '2022-06-30'],
        ),
      ],
    },
    `${ILLUSTRATIVE_DATES}; target illustrative`,
  ),
  launch(
    {
      projectId: 'brigade-intervention-numerique',
      missionCode: 'BETA',
      title: 'Brigade d’intervention numérique',
      objective:
        'Une équipe de la DINUM qui conçoit et livre en quelques semaines des services numériques prioritaires',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-04-01',
      milestones: [{ milestoneId: 'premier-service', title: 'Premier service livré', dueOn: '2020-06-30' }],
      indicators: [
        indicator(
          'services-livres',
          'Services numériques livrés par la brigade',
          'services',
          'increase',
          [0, '2020-04-01'],
          [10, '2021-12-31'],
        ),
      ],
    },
    'formed within DINUM, services shipped in 2020 and 2021 (sources): launch and due dates, target illustrative',
  ),
  reach(
    'brigade-intervention-numerique',
    'premier-service',
    '2020-05-11',
    'Premier service livré en quelques semaines',
    ILLUSTRATIVE_DATE,
  ),
  launch(
    {
      projectId: 'dossiers-numeriques',
      missionCode: 'DATA',
      title: 'Dossiers numériques du citoyen et de l’agent',
      objective: 'Donner au citoyen et à l’agent un dossier numérique où retrouver leurs documents administratifs',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-06-01',
      milestones: [
        { milestoneId: 'experimentation', title: 'Expérimentation ouverte', dueOn: '2021-03-31' },
        { milestoneId: 'generalisation', title: 'Dossiers numériques généralisés', dueOn: '2022-12-31' },
      ],
      indicators: [
        indicator(
          'usagers-experimentation',
          'Usagers de l’expérimentation',
          'usagers',
          'increase',
          [0, '2020-06-01'],
          [10000, '2022-12-31'],
        ),
      ],
    },
    `${ILLUSTRATIVE_DATES}; target illustrative`,
  ),
  launch(
    {
      projectId: 'cloud-au-centre',
      missionCode: 'INFRA',
      title: 'Cloud au centre',
      objective: 'Faire du cloud l’hébergement par défaut des services numériques de l’État, par une doctrine commune',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-09-01',
      milestones: [
        { milestoneId: 'doctrine-adoptee', title: 'Doctrine « Cloud au centre » adoptée', dueOn: '2021-03-31' },
      ],
      indicators: [
        indicator(
          'ministeres-engages',
          'Ministères ayant décliné la doctrine',
          'ministères',
          'increase',
          [0, '2020-09-01'],
          [16, '2022-12-31'],
        ),
      ],
    },
    `${ILLUSTRATIVE_DATES}; target illustrative`,
  ),
  launch(
    {
      projectId: 'agentconnect',
      missionCode: 'IDNUM',
      title: 'AgentConnect et ProConnect',
      objective:
        'Un identifiant unique pour les agents publics (AgentConnect), puis pour les professionnels (ProConnect)',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-09-01',
      milestones: [
        { milestoneId: 'agentconnect-ouvert', title: 'AgentConnect ouvert aux premiers services', dueOn: '2021-06-30' },
        { milestoneId: 'proconnect-ouvert', title: 'ProConnect ouvert', dueOn: '2022-12-31' },
      ],
      indicators: [
        indicator(
          'services-raccordes',
          'Services raccordés à AgentConnect',
          'services',
          'increase',
          [0, '2020-09-01'],
          [100, '2022-12-31'],
        ),
      ],
    },
    `still expected in 2021 (sources): ${ILLUSTRATIVE_DATES}`,
  ),
  reach('eig', 'promotion-4', '2020-09-14', 'Promotion EIG 4 accueillie', 'September 2020: day illustrative'),
  measure('eig', '2020-09', [value('promotions', 4, '2020-09-30', PRESS_2021)]),
  launch(
    {
      projectId: 'green-tech',
      missionCode: 'PILOT',
      title: 'Green Tech : numérique écoresponsable',
      objective: 'Réduire l’empreinte environnementale du numérique de l’État',
      leadOrganisation: 'DINUM',
      launchedOn: '2020-10-01',
      milestones: [
        { milestoneId: 'travaux-lances', title: 'Travaux Green Tech lancés', dueOn: '2021-03-31' },
        {
          milestoneId: 'feuille-de-route',
          title: 'Feuille de route numérique responsable adoptée',
          dueOn: '2021-12-31',
        },
      ],
      indicators: [
        indicator(
          'administrations-engagees',
          'Administrations engagées dans une démarche numérique responsable',
          'administrations',
          'increase',
          [0, '2020-10-01'],
          [30, '2022-12-31'],
        ),
      ],
    },
    `${ILLUSTRATIVE_DATES}; target illustrative`,
  ),
  reach(
    'mise-a-disposition-expertise',
    'premieres-missions',
    '2020-10-15',
    'Premières missions engagées, avec six mois de retard',
    ILLUSTRATIVE_DATE,
  ),
  launch(
    {
      projectId: 'numerisation-tpe-pme',
      // The Baromètre follows this mesure ("Numérisation des petites et moyennes entreprises"); attached to TRANSFO
      // for the demo, so that the Baromètre's figures quoted by the press appear in the Tech.gouv portfolio too.
      missionCode: 'TRANSFO',
      title: 'Numérisation des TPE et PME : diagnostic et plan d’action',
      objective: 'Offrir aux petites entreprises un diagnostic numérique et un plan d’action individualisé',
      leadOrganisation: 'DGE (France Num)',
      launchedOn: '2020-12-01',
      milestones: [
        { milestoneId: 'trente-mille-entreprises', title: '30 000 entreprises diagnostiquées', dueOn: '2022-12-31' },
      ],
      indicators: [
        indicator(
          'entreprises-diagnostiquees',
          'Entreprises ayant disposé d’un diagnostic numérique et d’un plan d’action individualisé',
          'entreprises',
          'increase',
          [4106, '2021-01-31'],
          [30000, '2022-12-31'],
        ),
      ],
    },
    'launch date illustrative; baseline (January 2021) and target (30,000 by 2022) from the Baromètre',
  ),
  measure('franceconnect', '2020-12', [
    value('usagers', 20, '2020-12-31', ILLUSTRATIVE),
    value('services-raccordes', 800, '2020-12-31', ILLUSTRATIVE),
  ]),
  measure('demarches-250', '2020-12', [value('demarches-en-ligne', 75, '2020-12-31', ILLUSTRATIVE)]),
  measure('brigade-intervention-numerique', '2020-12', [value('services-livres', 4, '2020-12-31', ILLUSTRATIVE)]),
  measure('mise-a-disposition-expertise', '2020-12', [value('missions-d-expertise', 4, '2020-12-31', ILLUSTRATIVE)]),
  measure('guichet-unique-problemes', '2020-12', [value('problemes-analyses', 210, '2020-12-31', ILLUSTRATIVE)]),
  measure('qualite-environnement-numerique-agents', '2020-12', [
    value('agents-satisfaits', 58, '2020-12-31', ILLUSTRATIVE),
  ]),
  measure('observatoire-qualite-demarches', '2020-12', [value('editions-publiees', 5, '2020-12-31', ILLUSTRATIVE)]),
  reach(
    'vitam',
    'plateforme-partagee',
    '2021-01-15',
    'Vitam en service, partagée par trois ministères',
    'in service in 2021 (sources): day illustrative',
  ),
];

// ---------------------------------------------------------------------------------------------------------------------
// February 2021: 5th CITP.

const citp5: readonly SeedStep[] = [
  holdCitp(
    'citp-5',
    '5e CITP : leçons de la crise sanitaire, réarmer les services de l’État dans les territoires, simplifier, responsabiliser les agents',
    '2021-02-05',
    'February 2021: day approximate',
  ),
];

// ---------------------------------------------------------------------------------------------------------------------
// 2021 up to the 6th CITP; the first two facts are about January but were reported after the 5th CITP.

const firstHalf2021: readonly SeedStep[] = [
  reach(
    'hubee',
    'mise-en-service',
    '2021-01-29',
    'Hubee en service début 2021 (signalé après le 5e CITP)',
    'early 2021 (sources): day approximate',
  ),
  measure('numerisation-tpe-pme', '2021-01', [value('entreprises-diagnostiquees', 4106, '2021-01-31', BAROMETRE_2021)]),
  reach(
    'green-tech',
    'travaux-lances',
    '2021-02-22',
    'Travaux Green Tech engagés',
    'started by 2021 (sources): day illustrative',
  ),
  reach(
    'sac-a-dos-numerique',
    'premiers-outils',
    '2021-03-15',
    'Premiers outils collaboratifs en service ; le sac à dos reste en cours',
    ILLUSTRATIVE_DATE,
  ),
  reach('sill', 'sill-2021', '2021-04-12', 'Édition 2021 du SILL publiée', ILLUSTRATIVE_DATE),
  reach(
    'dossiers-numeriques',
    'experimentation',
    '2021-04-15',
    'Dossiers numériques du citoyen et de l’agent en expérimentation',
    'in experimentation in 2021 (sources): day illustrative',
  ),
  reach(
    'cloud-au-centre',
    'doctrine-adoptee',
    '2021-05-17',
    'Doctrine « Cloud au centre » adoptée en mai 2021',
    'May 2021 (sources): day approximate',
  ),
  reach(
    'gouvtech-catalogue',
    'catalogue-en-ligne',
    '2021-05-18',
    'Catalogue GouvTech en ligne en mai 2021',
    'May 2021 (sources): day approximate',
  ),
  measure('gouvtech-catalogue', '2021-05', [value('produits-references', 400, '2021-05-31', PRESS_2021)]),
  reach(
    'incubateurs-ministeriels',
    'plupart-des-ministeres',
    '2021-05-31',
    'La plupart des ministères disposent désormais d’un incubateur de startups d’État',
    'by mid-2021 (sources): day illustrative',
  ),
  reach(
    'suivi-depenses-numeriques',
    'outil-teste',
    '2021-06-15',
    'Suivi des dépenses numériques outillé et testé',
    'by 2021 (sources): day illustrative',
  ),
  measure(
    'franceconnect',
    '2021-06',
    [value('usagers', 26, '2021-06-30', PRESS_2021), value('services-raccordes', 950, '2021-06-30', PRESS_2021)],
    '"over 26 million" users and "over 950" services in 2021 (sources): period approximate',
  ),
  measure('vitam', '2021-06', [value('ministeres-utilisateurs', 3, '2021-06-30', PRESS_2021)], 'period approximate'),
  measure('numerisation-tpe-pme', '2021-06', [
    value('entreprises-diagnostiquees', 16960, '2021-06-30', BAROMETRE_2021),
  ]),
  measure('mise-a-disposition-expertise', '2021-06', [value('missions-d-expertise', 7, '2021-06-30', ILLUSTRATIVE)]),
  measure('brigade-intervention-numerique', '2021-06', [value('services-livres', 7, '2021-06-30', ILLUSTRATIVE)]),
  measure('incubateurs-ministeriels', '2021-06', [value('ministeres-avec-incubateur', 12, '2021-06-30', ILLUSTRATIVE)]),
  measure('demarches-250', '2021-06', [value('demarches-en-ligne', 80, '2021-06-30', ILLUSTRATIVE)]),
  measure('suivi-depenses-numeriques', '2021-06', [value('ministeres-couverts', 5, '2021-06-30', ILLUSTRATIVE)]),
  measure('sac-a-dos-numerique', '2021-06', [value('agents-equipes', 120, '2021-06-30', ILLUSTRATIVE)]),
  measure('hubee', '2021-06', [value('administrations-raccordees', 25, '2021-06-30', ILLUSTRATIVE)]),
  measure('guichet-unique-problemes', '2021-06', [value('problemes-analyses', 340, '2021-06-30', ILLUSTRATIVE)]),
];

// ---------------------------------------------------------------------------------------------------------------------
// July 2021: 6th CITP, then what it decided, then the Baromètre release of the same day.

const citp6: readonly SeedStep[] = [
  holdCitp(
    'citp-6',
    '6e CITP : accélérer la réorganisation territoriale, une administration plus proactive par le numérique et le partage des données, Services publics +',
    '2021-07-23',
    'July 2021: day approximate',
  ),
];

const afterCitp6: readonly SeedStep[] = [
  redesign(
    'citp-6',
    {
      projectId: 'mise-a-disposition-expertise',
      reason:
        'Le dispositif interministériel de mise à disposition d’expertise numérique « n’a pas donné de résultats probants » : il est refondu',
      decidedOn: '2021-07-23',
      decidedBy: 'citp-6',
      changes: {
        objective:
          'Refondre le partage d’expertise numérique entre administrations : un vivier d’experts mobilisables et une offre de service lisible pour les administrations qui en ont besoin',
        milestones: {
          removed: ['cinquante-missions'],
          added: [
            {
              milestoneId: 'dispositif-refondu',
              title: 'Dispositif refondu ouvert aux administrations',
              dueOn: '2022-06-30',
            },
          ],
        },
        indicators: {
          retired: ['missions-d-expertise'],
          added: [
            indicator(
              'demandes-satisfaites',
              'Part des demandes d’expertise satisfaites',
              '%',
              'increase',
              [0, '2021-07-23'],
              [75, '2022-12-31'],
            ),
          ],
        },
      },
    },
    'decided around the 6th CITP (July 2021, day approximate); new plan illustrative',
  ),
  // The Baromètre's civil-status figure joins the plan of the 250 démarches, after the committee: time travel to the
  // 6th CITP does not show it.
  redesign(
    'etat-civil',
    {
      projectId: 'demarches-250',
      reason:
        'Le Baromètre des résultats de l’action publique suit la part des actes d’état civil demandés en ligne : l’indicateur rejoint le plan',
      decidedOn: '2021-07-26',
      decidedBy: 'DINUM',
      changes: {
        indicators: {
          added: [
            indicator(
              'actes-etat-civil-en-ligne',
              'Part des actes d’état civil demandés en ligne',
              '%',
              'increase',
              [87, '2021-05-31'],
              [90, '2022-12-31'],
            ),
          ],
        },
      },
    },
    ILLUSTRATIVE_DATE,
  ),
  measure('demarches-250', '2021-05-etat-civil', [
    value('actes-etat-civil-en-ligne', 87, '2021-05-31', BAROMETRE_2021),
  ]),
  barometre('2021-07-23'),
];

// ---------------------------------------------------------------------------------------------------------------------
// Second half of 2021: a cohort, and four projects completed by the end of the year.

const secondHalf2021: readonly SeedStep[] = [
  reach('eig', 'promotion-5', '2021-09-13', 'Promotion EIG 5 accueillie', 'September 2021: day illustrative'),
  measure('eig', '2021-09', [value('promotions', 5, '2021-09-30', PRESS_2021)]),
  closeCompleted(
    'cloud-au-centre',
    '2021-11-30',
    'Doctrine « Cloud au centre » adoptée en mai 2021 ; sa mise en œuvre relève désormais de chaque ministère',
  ),
  closeCompleted(
    'hubee',
    '2021-12-15',
    'Hubee en service depuis début 2021 ; le raccordement se poursuit en exploitation',
  ),
  closeCompleted(
    'guichet-unique-problemes',
    '2021-12-15',
    'Guichet unique en place depuis début 2020 ; passé en fonctionnement courant',
  ),
  closeCompleted(
    'suivi-depenses-numeriques',
    '2021-12-17',
    'Suivi des dépenses numériques outillé et testé ; intégré au pilotage courant des systèmes d’information',
  ),
];

// ---------------------------------------------------------------------------------------------------------------------
// January 2023: the Baromètre's release restates earlier values; the portfolio's own copy follows.

const release2023: readonly SeedStep[] = [
  barometre('2023-01-19'),
  measure(
    'numerisation-tpe-pme',
    'restated-2023-01',
    [
      value('entreprises-diagnostiquees', 3981, '2021-01-31', BAROMETRE_2023),
      value('entreprises-diagnostiquees', 15861, '2021-06-30', BAROMETRE_2023),
    ],
    'restatements published in the release of 2023-01-19',
  ),
];

/** The demo, in log order. */
export const TECH_GOUV_PORTFOLIO: readonly SeedStep[] = [
  ...citp1,
  ...missions,
  ...launches2019,
  ...facts2019,
  ...citp4,
  ...after2019Review,
  ...year2020,
  ...citp5,
  ...firstHalf2021,
  ...citp6,
  ...afterCitp6,
  ...secondHalf2021,
  ...release2023,
];
