import { readLaidOut } from './barometre-files';
import type { Renames } from './renames';
import { nationalSynthesis, type Synthesis } from './synthesis-file';
import { territorialSynthesis, type TerritorialSynthesis } from './territorial-synthesis';

/**
 * Reads a synthesis file at the level its layout tells: a national one defines the indicators, a regional or
 * départemental one publishes each territory's current value of indicators defined by a national one.
 */
export async function readSynthesis(path: string, renames: Renames): Promise<Synthesis | TerritorialSynthesis> {
  const laidOut = await readLaidOut(path, 'synthese');
  const { level, territoryColumn } = laidOut.layout;
  return level === undefined || territoryColumn === undefined
    ? nationalSynthesis(laidOut)
    : territorialSynthesis(laidOut, level, territoryColumn, renames);
}

export function isTerritorial(synthesis: Synthesis | TerritorialSynthesis): synthesis is TerritorialSynthesis {
  return 'values' in synthesis;
}
