import type { FactSubjects, OutsideFact, OutsideFacts } from '@portfolio/domain';

/** Injection token of the sources of the facts decisions take from outside the domain. */
export const LEDGER_FACTS = Symbol('LedgerFacts');

/** Where each outside fact comes from: a source for every fact the domain names, or this does not compile. */
export type LedgerFacts = { readonly [F in OutsideFact]: (subject: FactSubjects[F]) => Promise<OutsideFacts[F]> };
