import type {
  ConcurrencyConflictError,
  DataSubjectNotFoundError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
} from '@portfolio/application';
import type { CheckpointRefusal, CosignatureRefusal } from '@portfolio/audit';
import type { StorageFault, StoreUnavailableError } from '@portfolio/event-store';
import type {
  InvalidQueryError,
  ProjectionsBehindError,
  QueryExpectation,
  ReadModelNotFoundError,
} from '@portfolio/read-models';
import type { EventStreamRefusal, EventStreamsUnavailableError } from '../reads/event-streams-unavailable.error';
import type { UndeclaredQueryParametersError } from './declared-query';
import type { BodyRefusal } from './request-body-refused.error';

// The French details of the problems other than the domain's refusals, keyed by their stable code, from the facts
// their errors carry. The English detail of each is the error's own message, as it has always been.

export const FRENCH_BODY_REFUSALS: Readonly<Record<BodyRefusal, string>> = {
  malformed_json: 'le corps de la requête n’est pas du JSON valide',
  body_too_deep: 'le corps de la requête est imbriqué trop profondément',
  body_incomplete: 'la connexion s’est fermée avant la fin du corps de la requête',
  body_too_large: 'le corps de la requête dépasse la taille permise',
  unsupported_media_type: 'type de contenu non pris en charge : envoyez du JSON en UTF-8 (application/json)',
  unsupported_content_encoding: 'envoyez le corps non compressé : Content-Encoding doit être absent ou identity',
};

export const FRENCH_EVENT_STREAM_REFUSALS: Readonly<
  Record<EventStreamRefusal, (error: EventStreamsUnavailableError) => string>
> = {
  too_many_event_streams: (error) =>
    `cette instance sert déjà ${error.max} flux d’événements, son maximum : réessayez plus tard`,
  shutting_down: () => 'cette instance s’arrête : reconnectez-vous, une autre instance peut répondre',
};

export const FRENCH_COSIGNATURE_REFUSALS: Readonly<Record<CosignatureRefusal, string>> = {
  malformed_cosignature: 'ce n’est pas la note signée d’un point de contrôle (checkpoint)',
  unknown_checkpoint: 'aucun point de contrôle de cette taille n’a été signé par cette instance',
  checkpoint_mismatch: 'la note n’est pas le point de contrôle signé ici pour cette taille',
  unknown_witness: 'aucune clé de témoin configurée n’a signé cette note',
  invalid_cosignature: 'la signature d’une clé de témoin configurée ne se vérifie pas',
  too_many_cosignatures: 'le point de contrôle porterait plus de signatures qu’une note signée ne peut en contenir',
};

export const FRENCH_CHECKPOINT_REFUSALS: Readonly<Record<CheckpointRefusal, string>> = {
  log_truncated: 'le journal est plus court que ce que l’instance a déjà signé : aucun export ne pourrait être vérifié',
  checkpoint_mismatch: 'le journal ne prolonge plus ce que l’instance a signé : aucun export ne pourrait être vérifié',
};

/** The errors of Express and Nest say only their status: a French detail for each code they are given. */
export const FRENCH_HTTP_DETAILS: Readonly<Record<string, string>> = {
  bad_request: 'la requête est incorrecte',
  unauthenticated: 'authentification requise : jeton porteur (Bearer) absent, invalide ou expiré',
  forbidden: 'votre rôle ne permet pas cette opération',
  not_found: 'la ressource demandée n’existe pas',
  method_not_allowed: 'cette méthode n’est pas permise sur cette ressource',
  body_too_large: FRENCH_BODY_REFUSALS.body_too_large,
  unsupported_media_type: 'type de contenu non pris en charge',
  too_many_requests: 'trop de requêtes : réessayez plus tard',
  http_503: 'le service n’est pas prêt : réessayez plus tard',
};

export const FRENCH_HTTP_OTHER = 'la requête a été refusée';

const FRENCH_FAULTS: Readonly<Record<StorageFault, (where: string) => string>> = {
  disk_full: (where) => `le disque qui porte ${where} est plein`,
  read_only: (where) => `${where} est en lecture seule`,
  unreachable: (where) => `${where} est injoignable`,
  io_error: (where) => `${where} échoue sur une erreur d’entrée-sortie`,
};

const READ_MODEL_NOT_FOUND: Readonly<Record<ReadModelNotFoundError['subject'], (id: string) => string>> = {
  mission: (id) => `la mission ${id} est inconnue à la date demandée`,
  project: (id) => `le projet ${id} est inconnu à la date demandée`,
  review_cycle: (id) => `la revue (CITP) ${id} est inconnue à la date demandée`,
  indicator: (id) => `l’indicateur ${id} est inconnu à la date demandée`,
};

const FRENCH_EXPECTATIONS: {
  readonly [Kind in QueryExpectation['kind']]: (expected: Extract<QueryExpectation, { kind: Kind }>) => string;
} = {
  position: (expected) => `une position : un nombre entier de 0 à ${expected.max}`,
  instant: () => 'un instant ISO 8601 avec son décalage, par exemple 2021-02-05T18:00:00Z',
  as_of: () =>
    'une position, une publication (série:id, par exemple barometre:2023-01-19) ou un instant ISO 8601 avec son décalage, par exemple 2021-02-05T18:00:00Z',
  known_release: (expected) =>
    `une publication dont des valeurs ont été enregistrées : ${expected.release} n’en est pas une`,
  date: () => 'une date réelle du calendrier écrite AAAA-MM-JJ',
  territory: () => 'niveau:code, par exemple national:FR, region:84, departement:2A',
  limit: (expected) => `un nombre entier de 1 à ${expected.max}`,
  choice: (expected) => `l’une des valeurs ${expected.choices.join(', ')}`,
  distinct_choices: (expected) =>
    `une liste de valeurs distinctes parmi ${expected.choices.join(', ')}, séparées par des virgules`,
  boolean: () => 'true ou false',
  search: (expected) => `un texte de 1 à ${expected.maxLength} caractères, non vide`,
};

function frenchExpectation(expected: QueryExpectation): string {
  return (FRENCH_EXPECTATIONS[expected.kind] as (expected: QueryExpectation) => string)(expected);
}

/** Problems with one source each: the French detail from the error's facts. */
export const FRENCH_DETAILS = {
  validation_failed: (paths: readonly string[], count: number) => {
    const more = count > paths.length ? ` et ${count - paths.length} autres` : '';
    return `${count} ${count < 2 ? 'champ invalide' : 'champs invalides'} : ${paths.join(', ')}${more}`;
  },
  revision_mismatch: (error: PreconditionFailedError) => {
    const actual = error.actual === undefined ? 'aucune (il n’existe pas)' : String(error.actual);
    return `${error.streamId} est à la révision ${actual}, et non ${error.expected} : rechargez-le et décidez à nouveau`;
  },
  idempotency_key_reused: (error: IdempotencyKeyReusedError) =>
    `la clé d’idempotence (Idempotency-Key) ${error.commandId} a déjà servi pour une autre requête`,
  concurrency_conflict: (error: ConcurrencyConflictError) =>
    `${error.streamId} a changé pendant ${error.attempts} tentatives successives : renvoyez la commande`,
  data_subject_not_found: (error: DataSubjectNotFoundError) =>
    `aucune donnée n’est détenue sur ${error.subjectId} : aucun événement, aucune clé ni aucun effacement ne le nomme`,
  invalid_query: (error: InvalidQueryError) =>
    error.expected === undefined
      ? `le paramètre de requête ${error.parameter} n’est pas valable ici`
      : `${error.parameter} doit être ${frenchExpectation(error.expected)}`,
  undeclared_query_parameter: (name: string) => `${name} n’est pas un paramètre de requête de ce point d’accès`,
  undeclared_query_parameters: (error: UndeclaredQueryParametersError) => {
    const names = error.parameters.map((name) => JSON.stringify(name)).join(', ');
    const takes =
      error.declared.length === 0
        ? 'n’accepte aucun paramètre de requête'
        : `n’accepte que ${[...error.declared].sort().join(', ')}`;
    const more = error.count > error.parameters.length ? ` et ${error.count - error.parameters.length} autres` : '';
    const unknown = error.count < 2 ? 'paramètre de requête inconnu' : 'paramètres de requête inconnus';
    return `${unknown} ${names}${more} : ce point d’accès ${takes}`;
  },
  read_model_not_found: (error: ReadModelNotFoundError) => READ_MODEL_NOT_FOUND[error.subject](error.id),
  projections_behind: (error: ProjectionsBehindError) =>
    `les modèles de lecture sont à la position ${error.reached}, pas encore à ${error.requested} : réessayez sous peu`,
  not_projection_leader:
    'cette instance est en attente : une autre instance conduit les projections et peut seule les reconstruire ; ' +
    'renvoyez la requête (elle peut atteindre l’autre instance) ou arrêtez les autres instances',
  store_unavailable: (error: StoreUnavailableError) =>
    `${FRENCH_FAULTS[error.fault](error.where)} : rien n’a été enregistré ; renvoyez la requête`,
  internal_error: 'une erreur inattendue s’est produite ; elle a été journalisée',
  request_header_too_large: 'la ligne de requête et les en-têtes doivent rester sous 16 ko',
  request_timeout: 'la requête a mis trop de temps à arriver',
  invalid_http: 'la requête n’est pas du HTTP valide',
  cross_site_request:
    'requête d’un autre site refusée : une modification authentifiée par le cookie de session doit venir de ' +
    'l’espace de travail lui-même',
} as const;
