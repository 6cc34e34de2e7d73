import type { DomainError, DomainErrorCode, RefusalFacts } from '@portfolio/domain';

type FrenchDetail = (facts: RefusalFacts) => string;

/** The refused value as the English message quotes it, or a word for it when the refusal does not carry it. */
const subject = (facts: RefusalFacts, otherwise = 'cette valeur'): string => String(facts.value ?? otherwise);
/** The id of what the refusal names, after its noun. */
const id = (facts: RefusalFacts): string => (facts.id === undefined ? '' : ` ${facts.id}`);
/** The date something already happened on. */
const on = (facts: RefusalFacts): string => (facts.on === undefined ? '' : ` le ${facts.on}`);

const EXPECTED_TYPES: Readonly<Record<string, string>> = { object: 'un objet', list: 'une liste', text: 'du texte' };

/**
 * The French detail of each refusal of the domain, keyed by its code, from the facts the refusal carries (a refusal
 * thrown without them still reads in French, only less precisely). The English detail is the refusal's own message.
 */
export const FRENCH_DOMAIN_DETAILS: Readonly<Record<DomainErrorCode, FrenchDetail>> = {
  invalid_type: (facts) =>
    `doit être ${EXPECTED_TYPES[String(facts.expected)] ?? 'du type attendu'}` +
    (facts.value === undefined ? '' : `, reçu ${facts.value}`),
  required: () => 'valeur obligatoire : elle ne doit être ni absente ni vide',
  too_long: (facts) =>
    facts.length === undefined
      ? 'le texte dépasse la longueur permise'
      : `${facts.length} caractères, plus que les ${facts.max} permis`,
  invalid_characters: (facts) =>
    'le texte contient un caractère qu’il ne peut pas contenir' +
    (facts.offset === undefined ? '' : `, à la position ${facts.offset} (unités de code UTF-16)`),
  invalid_id: (facts) =>
    `${subject(facts)} n’est pas un identifiant : 2 à 64 lettres minuscules, chiffres ou « - », sans « - » au début`,
  invalid_mission_code: (facts) =>
    `${subject(facts)} n’est pas un code de mission : 2 à 32 majuscules, chiffres, « _ » ou « - », commençant par ` +
    'une lettre',
  invalid_date: (facts) => `${subject(facts)} n’est pas une date du calendrier (AAAA-MM-JJ)`,
  invalid_number: (facts) => `${subject(facts)} n’est pas un nombre valable`,
  invalid_choice: (facts) =>
    `${subject(facts)} n’est pas l’un des choix permis` + (facts.choices === undefined ? '' : ` (${facts.choices})`),
  invalid_format: (facts) => `${subject(facts)} n’a pas le format attendu`,
  invalid_territory: (facts) =>
    `${subject(facts)} n’est pas un code de territoire valable (FR au niveau national, code INSEE de région ou de département)`,
  duplicate_id: (facts) => `${subject(facts, 'cet identifiant')} figure deux fois`,
  conflicting_changes: (facts) => `${subject(facts, 'cet élément')} fait l’objet de deux modifications incompatibles`,
  batch_empty: () => 'le lot de mesures est vide',
  batch_too_large: (facts) =>
    facts.length === undefined
      ? 'le lot de mesures dépasse la taille permise'
      : `le lot compte ${facts.length} mesures, plus que les ${facts.max} permises en un lot`,
  mission_not_found: (facts) => `la mission${id(facts)} n’a pas été définie`,
  project_not_found: (facts) => `le projet${id(facts)} n’a pas été lancé`,
  milestone_not_found: (facts) => `le jalon${id(facts)} n’est pas dans le plan en vigueur`,
  indicator_not_found: (facts) => `l’indicateur${id(facts)} n’est pas défini pour ce projet`,
  mission_already_defined: (facts) => `la mission${id(facts)} a déjà été définie${on(facts)}`,
  already_launched: (facts) => `le projet${id(facts)} a déjà été lancé${on(facts)}`,
  milestone_already_reached: (facts) => `le jalon${id(facts)} a déjà été atteint${on(facts)}`,
  project_closed: (facts) => `le projet${id(facts)} a été clôturé${on(facts)} et n’accepte plus de commande`,
  review_cycle_already_held: (facts) => `la revue (CITP)${id(facts)} a déjà été tenue${on(facts)}`,
  milestone_id_taken: (facts) => `le jalon${id(facts)} est déjà dans le plan`,
  indicator_id_taken: () => 'cet identifiant d’indicateur est déjà défini',
  plan_mismatch: (facts) =>
    (facts.from === undefined
      ? 'la modification ne part pas du plan en vigueur'
      : `${facts.from} n’est pas l’échéance en vigueur du jalon${id(facts)} (${facts.dueOn})`) +
    ' : rechargez le projet et décidez à nouveau',
  date_in_future: (facts) =>
    facts.date === undefined
      ? 'cette date est postérieure à aujourd’hui'
      : `${facts.date} est postérieure à aujourd’hui (${facts.today})`,
  period_too_far_ahead: (facts) =>
    facts.period === undefined
      ? 'cette période se termine trop loin après aujourd’hui'
      : `${facts.period} se termine plus de ${facts.leadDays} jours après aujourd’hui (${facts.today})`,
  date_before_launch: (facts) =>
    facts.date === undefined
      ? 'cette date est antérieure au lancement du projet ou à la date qu’elle doit suivre'
      : `${facts.date} précède le ${facts.earliest} (le lancement du projet, ou la date qu’elle doit suivre)`,
  target_not_after_baseline: () => 'l’échéance de la cible doit être postérieure à la date de référence',
  target_without_baseline: () =>
    'une cible demande une valeur de référence pour mesurer la progression : donnez baseline, ou aucune cible',
  target_without_direction: () =>
    'une cible demande un sens (increase ou decrease) : donnez direction, ou aucune cible',
  annual_target_without_target: () =>
    'des cibles annuelles demandent une cible finale : donnez target, ou aucune cible annuelle',
  indicator_not_targeted: (facts) =>
    `l’indicateur${id(facts)} est une série suivie sans cible : il n’y a pas de cible à déplacer`,
  target_against_direction: () =>
    'la cible s’écarte de la valeur de référence dans le sens contraire à celui de l’indicateur',
  indicator_retired: (facts) => `l’indicateur${id(facts)} est retiré`,
  nothing_to_change: (facts) =>
    facts.dueOn === undefined
      ? 'cette modification ne change rien'
      : `le jalon${id(facts)} est déjà prévu pour le ${facts.dueOn}`,
};

/** The refusal in French, after the field it is about: `milestones[2].dueOn : "2021-02-30" n’est pas une date …`. */
export function frenchDomainDetail(error: DomainError): string {
  const detail = FRENCH_DOMAIN_DETAILS[error.code](error.facts);
  return error.path === undefined ? detail : `${error.path} : ${detail}`;
}
