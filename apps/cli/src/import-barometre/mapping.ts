import { LIMITS, MISSION_CODE_PATTERN, SLUG_PATTERN } from '@portfolio/domain';
import { createHash } from 'node:crypto';

/** The series every value imported names as its release's: `asOf=barometre:2023-01-19` reads as of that release. */
export const BAROMETRE_SERIES = 'barometre';

/** The programme every mission of the Baromètre belongs to. */
export const PROGRAMME = 'Baromètre des résultats de l’action publique';

/**
 * The day the Baromètre's missions are defined on. The Baromètre follows the priority policies of the government formed
 * in 2017, and every series of its releases starts with a period of 2017 (January 2017 at the earliest): the first day
 * of 2017 comes before every launch and measurement imported into them. A fixed date rather than "today" also makes
 * DefineMission the same command whenever the import runs, and keeps a time-travel query into 2018 showing the missions.
 */
export const MISSIONS_DEFINED_ON = '2017-01-01';

/** The Baromètre does not name the ministry leading a mesure, and LaunchProject requires one. */
export const LEAD_ORGANISATION = 'Non précisée par le Baromètre des résultats de l’action publique';

/** The mission of indicators that secteurs.csv does not list (or of every indicator when no secteurs file is given). */
export const UNSECTORED_MISSION = { code: 'BAROMETRE', name: 'Baromètre (secteur non précisé)' } as const;

const SLUG_MAX = 64;
const HASH_LENGTH = 8;

/**
 * Lower-case ASCII words of a text joined by '-': accents dropped (é → e), ligatures spelt out (œ → oe), apostrophes
 * and punctuation as separators. Texts differing only in case, accents or punctuation get the same slug.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/**
 * The project id of a mesure: its slug when it fits in 64 characters, otherwise the slug cut at a word boundary
 * followed by 8 hex digits of the SHA-256 of the whole slug, so that two long titles sharing their first 55 characters
 * still get different ids. Derived from the slug rather than the raw text, so a release that only changes case or
 * punctuation ("Déployer le Pass culture" / "Déployer le pass Culture") keeps the project.
 */
export function projectIdForMesure(mesure: string): string {
  const slug = slugify(mesure);
  if (slug.length >= 2 && slug.length <= SLUG_MAX) return slug;
  if (slug.length < 2) return `mesure-${shortHash(mesure.trim())}`;
  const room = SLUG_MAX - HASH_LENGTH - 1;
  const cut = slug.slice(0, room + 1);
  // Cut after the last whole word when there is one in the second half, otherwise mid-word.
  const boundary = cut.lastIndexOf('-');
  const prefix = (boundary > room / 2 ? cut.slice(0, boundary) : cut.slice(0, room)).replace(/-+$/, '');
  const id = `${prefix}-${shortHash(slug)}`;
  if (!SLUG_PATTERN.test(id)) throw new Error(`projectIdForMesure: ${JSON.stringify(id)} is not a slug`);
  return id;
}

/** The mission code of a sector: its upper-case slug (`economie-emploi` → `ECONOMIE-EMPLOI`), at most 32 characters. */
export function missionCodeForSector(sector: string): string | undefined {
  let code = slugify(sector).toUpperCase();
  if (!/^[A-Z]/.test(code)) code = `S-${code}`;
  code = code.slice(0, 32).replace(/-+$/, '');
  return MISSION_CODE_PATTERN.test(code) ? code : undefined;
}

/**
 * Trimmed text of at most `max` UTF-16 units, cut with an ellipsis when longer (titles, labels). The cut falls between
 * code points: half of a surrogate pair left behind would be a lone surrogate, which the domain refuses.
 */
export function bounded(text: string, max: number = LIMITS.shortText): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '');
  return `${cut.trimEnd()}…`;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number written with a point ("127251.0", "-3", "1e5"), or undefined for anything else (blank, "12,5", "n/a"). */
export function parseDecimal(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The date a release file is named after (`2023-01-19-detail-national.csv` → 2023-01-19), if its name starts with one. */
export function releaseDateOfFileName(fileName: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1];
}
