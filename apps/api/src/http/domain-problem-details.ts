import type { DomainError, DomainErrorCode } from '@portfolio/domain';

/**
 * The French detail of each refusal of the domain, keyed by its code, naming the field at fault when there is one.
 * (The English detail is the refusal's own message.)
 */
export const FRENCH_DOMAIN_DETAILS: Readonly<Record<DomainErrorCode, string>> = {
  invalid_type: 'la valeur n’est pas du type attendu',
  required: 'valeur obligatoire : elle ne doit être ni absente ni vide',
  too_long: 'le texte dépasse la longueur permise',
  invalid_characters: 'le texte contient un caractère qu’il ne peut pas contenir',
  invalid_id: 'ce n’est pas un identifiant : 2 à 64 lettres minuscules, chiffres ou « - », sans « - » au début',
  invalid_mission_code:
    'ce n’est pas un code de mission : 2 à 32 majuscules, chiffres, « _ » ou « - », commençant par une lettre',
  invalid_date: 'ce n’est pas une date du calendrier (AAAA-MM-JJ)',
  invalid_number: 'ce n’est pas un nombre fini',
  invalid_choice: 'cette valeur n’est pas l’un des choix permis',
  invalid_format: 'cette valeur n’a pas le format attendu',
  invalid_territory: 'ce n’est pas un territoire connu (national FR, code de région ou de département)',
  duplicate_id: 'cet identifiant figure deux fois',
  conflicting_changes: 'cet élément fait l’objet de deux modifications incompatibles',
  batch_empty: 'le lot de mesures est vide',
  batch_too_large: 'le lot de mesures dépasse la taille permise',
  mission_not_found: 'cette mission n’a pas été définie',
  project_not_found: 'ce projet n’a pas été lancé',
  milestone_not_found: 'ce jalon n’est pas dans le plan en vigueur',
  indicator_not_found: 'cet indicateur n’est pas défini pour ce projet',
  mission_already_defined: 'cette mission est déjà définie',
  already_launched: 'ce projet a déjà été lancé',
  milestone_already_reached: 'ce jalon est déjà atteint',
  project_closed: 'ce projet est clôturé',
  review_cycle_already_held: 'cette revue (CITP) a déjà été tenue',
  milestone_id_taken: 'cet identifiant de jalon est déjà dans le plan',
  indicator_id_taken: 'cet identifiant d’indicateur est déjà défini',
  plan_mismatch: 'la modification ne part pas du plan en vigueur : rechargez le projet et décidez à nouveau',
  date_in_future: 'cette date est postérieure à aujourd’hui',
  period_too_far_ahead: 'cette période se termine trop loin après aujourd’hui',
  date_before_launch: 'cette date est antérieure au lancement du projet ou à la date qu’elle doit suivre',
  target_not_after_baseline: 'l’échéance de la cible doit être postérieure à la date de référence',
  target_against_direction:
    'la cible s’écarte de la valeur de référence dans le sens contraire à celui de l’indicateur',
  indicator_retired: 'cet indicateur est déjà retiré',
  nothing_to_change: 'cette modification ne change rien',
};

/** The refusal in French, after the field it is about: `milestones[2].dueOn : ce n’est pas une date …`. */
export function frenchDomainDetail(error: DomainError): string {
  const detail = FRENCH_DOMAIN_DETAILS[error.code];
  return error.path === undefined ? detail : `${error.path} : ${detail}`;
}
