import { fileErrorInWords } from '@portfolio/audit';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { projectIdForMesure, slugify } from './mapping';
import shipped from './renames.json';

/** A mesure the Baromètre renamed: rows under `to` go on in the project of `from`. */
export interface MesureRename {
  readonly from: string;
  readonly to: string;
}

/** The project a mesure's rows go into, and the slug that tells two mesures sharing a project id apart. */
export interface MesureIdentity {
  readonly projectId: string;
  readonly mesureSlug: string;
}

/**
 * The renames the import follows, by the slug of the later title. A title renamed twice (a → b → c) goes back to the
 * first one, so a series keeps its project however many releases renamed it.
 */
export class Renames {
  private constructor(private readonly firstTitleOf: ReadonlyMap<string, string>) {}

  /** The shipped renames (renames.json), with those of `extraFile`, when given, taking precedence for the same title. */
  static async load(extraFile?: string): Promise<Renames> {
    const own = parseRenames(shipped, 'renames.json');
    const extra = extraFile === undefined ? [] : parseRenames(await readJson(extraFile), basename(extraFile));
    return Renames.of([...own, ...extra]);
  }

  /** Later entries take precedence over earlier ones renaming the same title; a cycle is refused. */
  static of(renames: readonly MesureRename[]): Renames {
    const earlierOf = new Map<string, string>();
    for (const { from, to } of renames) earlierOf.set(slugify(to), from);
    return new Renames(new Map([...earlierOf.keys()].map((later) => [later, firstTitle(later, earlierOf)])));
  }

  /** The mesure's project: that of the first title of its series. */
  identityOf(mesure: string): MesureIdentity {
    const title = this.firstTitleOf.get(slugify(mesure)) ?? mesure;
    return { projectId: projectIdForMesure(title), mesureSlug: slugify(title) };
  }
}

/** The title the renames lead back to from the slug of a later one. */
function firstTitle(later: string, earlierOf: ReadonlyMap<string, string>): string {
  const seen = new Set([later]);
  let title = later;
  for (let earlier = earlierOf.get(later); earlier !== undefined; earlier = earlierOf.get(slugify(title))) {
    if (seen.has(slugify(earlier))) throw new Error(`the renames of mesures go round in a circle through "${earlier}"`);
    seen.add(slugify(earlier));
    title = earlier;
  }
  return title;
}

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new Error(`the renames file ${path} cannot be read: ${fileErrorInWords(error)}`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${basename(path)} is not a renames file: ${(error as Error).message}`);
  }
}

/**
 * `{ "comment"?: string, "mesures": [{ "from": "earlier title", "to": "later title" }, ...] }`; anything else is
 * refused with where it is wrong, before the import sends anything.
 */
export function parseRenames(json: unknown, file: string): MesureRename[] {
  const refuse = (what: string): never => {
    throw new Error(`${file} is not a renames file: ${what}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse('it is not a JSON object');
  const unknownKeys = Object.keys(json).filter((key) => key !== 'comment' && key !== 'mesures');
  if (unknownKeys.length > 0) refuse(`unknown key ${JSON.stringify(unknownKeys[0])} (expected "comment", "mesures")`);
  const { comment, mesures } = json as { comment?: unknown; mesures?: unknown };
  if (comment !== undefined && typeof comment !== 'string') refuse('"comment" is not a string');
  if (!Array.isArray(mesures)) return refuse('"mesures" is not a list');
  return mesures.map((entry: unknown, i): MesureRename => {
    const at = `mesures[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return refuse(`${at} is not an object`);
    const { from, to, ...rest } = entry as { from?: unknown; to?: unknown };
    if (Object.keys(rest).length > 0) refuse(`${at} has an unknown key ${JSON.stringify(Object.keys(rest)[0])}`);
    if (typeof from !== 'string' || slugify(from) === '') return refuse(`${at}.from is not a mesure title`);
    if (typeof to !== 'string' || slugify(to) === '') return refuse(`${at}.to is not a mesure title`);
    if (slugify(from) === slugify(to)) refuse(`${at} renames "${from}" to the same title`);
    return { from, to };
  });
}
