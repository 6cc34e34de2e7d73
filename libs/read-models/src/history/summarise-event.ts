import type { DomainEvent } from '@portfolio/domain';
import type { Language } from '../language';
import { ENGLISH_SUMMARIES } from './english-summaries';
import { FRENCH_SUMMARIES } from './french-summaries';
import type { SummaryCatalogue } from './summary-catalogue';

/** The one-line summaries of the history, one catalogue per language, each with every event type. */
const SUMMARY_CATALOGUES: Readonly<Record<Language, SummaryCatalogue>> = {
  fr: FRENCH_SUMMARIES,
  en: ENGLISH_SUMMARIES,
};

/**
 * A one-line account of an event for the history a reviewer reads (GET /projects/{id}/history), in the language
 * asked: it names the ids, values and dates, says how late a milestone was and when a value restates an earlier one.
 */
export function summariseEvent(event: DomainEvent, language: Language): string {
  const catalogue = SUMMARY_CATALOGUES[language];
  // An unknown type (e.g. read from a newer schema) fails loudly rather than producing a misleading summary.
  if (!Object.hasOwn(catalogue, event.type)) throw new Error(`cannot summarise ${JSON.stringify(event)}`);
  const summarise = catalogue[event.type] as (data: DomainEvent['data']) => string;
  return summarise(event.data);
}
