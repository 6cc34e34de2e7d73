import type { Language, Localised } from '@portfolio/read-models';

/** A problem's title is its status's, in the reader's language; the English ones are the HTTP reason phrases. */
const TITLES: Readonly<Record<number, Localised>> = {
  400: { fr: 'Requête incorrecte', en: 'Bad Request' },
  401: { fr: 'Authentification requise', en: 'Unauthorized' },
  403: { fr: 'Accès refusé', en: 'Forbidden' },
  404: { fr: 'Ressource introuvable', en: 'Not Found' },
  405: { fr: 'Méthode non autorisée', en: 'Method Not Allowed' },
  408: { fr: 'Délai de la requête dépassé', en: 'Request Timeout' },
  409: { fr: 'Conflit', en: 'Conflict' },
  412: { fr: 'Précondition non remplie', en: 'Precondition Failed' },
  413: { fr: 'Contenu trop volumineux', en: 'Content Too Large' },
  415: { fr: 'Type de contenu non pris en charge', en: 'Unsupported Media Type' },
  422: { fr: 'Contenu impossible à traiter', en: 'Unprocessable Content' },
  429: { fr: 'Trop de requêtes', en: 'Too Many Requests' },
  431: { fr: 'En-têtes de requête trop volumineux', en: 'Request Header Fields Too Large' },
  500: { fr: 'Erreur interne du serveur', en: 'Internal Server Error' },
  503: { fr: 'Service indisponible', en: 'Service Unavailable' },
};

const OTHER_STATUS: Localised = { fr: 'Erreur', en: 'Error' };

/** The statuses a problem is known to take, each with a title in every language. */
export const TITLED_STATUSES: readonly number[] = Object.keys(TITLES).map(Number);

export function problemTitle(status: number, language: Language): string {
  return (TITLES[status] ?? OTHER_STATUS)[language];
}
