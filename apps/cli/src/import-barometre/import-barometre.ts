import {
  LIMITS,
  TERRITORY_LEVELS,
  isIsoDate,
  type DomainCommand,
  type LaunchProject,
  type MeasurementRelease,
  type RedesignProject,
  type TerritoryLevel,
} from '@portfolio/domain';
import { createHash } from 'node:crypto';
import { readDetail, readSectors, type LaidOutTable } from './barometre-files';
import { Findings } from './findings';
import { definitionsFor } from './indicator-definitions';
import { BAROMETRE_SERIES, PROGRAMME, UNSECTORED_MISSION, releaseDateOfFileName } from './mapping';
import { launchFor, redesignFor, retargetFor } from './plan-commands';
import { planProjects, type ProjectPlan } from './project-plans';
import type { CurrentValue, Sending } from './record-measurements';
import { sendPlans, type PlannedCommands } from './send-plans';
import { Renames } from './renames';
import { isTerritorial, readSynthesis } from './read-synthesis';
import { recordTerritorialValues } from './record-territorial-values';
import type { Synthesis } from './synthesis-file';
import type { TerritorialSynthesis } from './territorial-synthesis';
import type { FileRead, ImportOptions, ImportRequest, ImportSummary } from './types';
import type { LedgerPort } from '../ledger-port';

export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Imports one release of the Baromètre des résultats de l'action publique (demo-data/barometre/README.md): sectors
 * become missions, mesures projects, indicators the projects' indicators, and each detail row an IndicatorMeasured,
 * recorded through RecordMeasurements batches of `batchSize` rows per project.
 *
 * Every file is read (and checked) before the first command is sent. Re-running an import appends nothing: missions and
 * projects that exist are left alone, batches whose values are all known are not sent, and a batch resent after a
 * crash carries the same idempotency key. A later release appends restatements of the values it changed, and adds the
 * indicators it introduces to existing projects through a RedesignProject, and moves the targets its synthesis revised
 * through another, decided on the release's date. A mesure renamed in renames.json goes on in its first title's project.
 * A territorial synthesis defines nothing: it records each territory's published current value of the indicators the
 * ledger defines once the detail's projects are sent (record-territorial-values.ts).
 *
 * Throws before sending anything when a file is unreadable or lacks a column, or a territorial synthesis is of another
 * release than the detail file; throws whatever a port throws other than a DomainError (what was sent before stays). A
 * command refused by the domain rejects its rows and the import goes on.
 */
export async function importBarometre(
  request: ImportRequest,
  ports: LedgerPort,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { today, batchSize } = checkedRequest(request, options);

  // 1. Read every file: an unknown layout, a missing column, a file that is not UTF-8 or a malformed renames file stops
  // the import before anything is sent.
  const renames = await Renames.load(request.renames);
  const sectors = request.secteurs === undefined ? undefined : await readSectors(request.secteurs);
  const read = request.synthese === undefined ? undefined : await readSynthesis(request.synthese, renames);
  // A territorial synthesis defines no indicator: the detail's new ones are defined as without a synthesis.
  const [synthesis, territorial] = read === undefined || !isTerritorial(read) ? [read, undefined] : [undefined, read];
  const detail = await readDetail(request.detail, request.level, today, renames);
  const level = detail.layout.level ?? 'national';
  const file = detail.table.file;
  const rowsTotal = detail.table.rows.length;
  const findings = new Findings(file, rowsTotal, options.onProgress);
  findings.rejected.push(...detail.rejected, ...(read?.rejected ?? []), ...(sectors?.rejected ?? []));
  findings.warnings.push(...(sectors?.warnings ?? []), ...(read?.warnings ?? []));
  findings.warnings.push(...readingWarnings({ sectors: sectors !== undefined, synthesis, territorial, level, file }));
  if (detail.repeated > 0) {
    findings.warnings.push(
      `${detail.repeated} rows of ${file} repeat the indicator, territory, period and value of an earlier row and were kept once`,
    );
  }
  findings.done(detail.rejected.length + detail.repeated);

  // 2. Plan: group rows by project, read the ledger, decide which indicators each project gets.
  const releaseDate = request.releasedOn ?? releaseDateOfFileName(file);
  if (territorial !== undefined) checkSameRelease(territorial, releaseDate);
  const decidedOn = releaseDate !== undefined && isIsoDate(releaseDate) && releaseDate <= today ? releaseDate : today;
  const plans = await planProjects(detail.rows, ports, sectors?.sectorOf, findings);
  const planned = plannedCommands(plans, synthesis, { decidedOn, file, today }, findings);

  // 3. Send: missions, then project by project its launch or redesign and its measurement batches.
  const source = `${PROGRAMME}, Etalab, ${releaseDate === undefined ? file : `release of ${releaseDate} (${file})`}`;
  const release = releaseRecorded(releaseDate, { today, file }, findings);
  const send = sending(detail.table.sha256, { batchSize, source, release }, ports, findings, options);
  await sendPlans(plans, planned, send, ports, findings);
  if (territorial !== undefined && !findings.aborted) await recordTerritorialValues(territorial, send, ports, findings);

  if (findings.aborted) {
    findings.warnings.push(
      `import aborted after ${findings.rowsDone} of ${rowsTotal} rows: run it again to go on (what was recorded is recognised as unchanged)`,
    );
  }
  return findings.summary(rowsTotal, filesRead([detail, read, sectors]));
}

function checkedRequest(
  request: ImportRequest,
  options: ImportOptions,
): { readonly today: string; readonly batchSize: number } {
  const { today, level } = request;
  if (!isIsoDate(today)) throw new RangeError(`today ${JSON.stringify(today)} is not a calendar date (YYYY-MM-DD)`);
  if (level !== undefined && !TERRITORY_LEVELS.includes(level)) {
    throw new RangeError(`level ${JSON.stringify(level)} is not one of ${TERRITORY_LEVELS.join(', ')}`);
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > LIMITS.batchSize) {
    throw new RangeError(`batchSize ${batchSize} is not a whole number from 1 to ${LIMITS.batchSize}`);
  }
  if (request.releasedOn !== undefined && !isIsoDate(request.releasedOn)) {
    throw new RangeError(`releasedOn ${JSON.stringify(request.releasedOn)} is not a calendar date (YYYY-MM-DD)`);
  }
  return { today, batchSize };
}

/**
 * The release each value is recorded from, named by its date (the Baromètre's releases are known by it): none when the
 * date is unknown, or after today, when no value can have been published in it yet.
 */
function releaseRecorded(
  releaseDate: string | undefined,
  { today, file }: { readonly today: string; readonly file: string },
  findings: Findings,
): MeasurementRelease | undefined {
  if (releaseDate === undefined || !isIsoDate(releaseDate)) {
    findings.warnings.push(`the name of ${file} does not start with the release's date: values name no release`);
    return undefined;
  }
  if (releaseDate > today) {
    findings.warnings.push(`the release's date ${releaseDate} is after today (${today}): values name no release`);
    return undefined;
  }
  return { series: BAROMETRE_SERIES, id: releaseDate, publishedOn: releaseDate };
}

/** The files read, detail file first, each with the layout it was read as. */
function filesRead(readings: readonly (LaidOutTable | undefined)[]): FileRead[] {
  return readings.flatMap((reading) =>
    reading === undefined
      ? []
      : [
          {
            file: reading.table.file,
            layout: reading.layout.name,
            rows: reading.table.rows.length,
            sha256: reading.table.sha256,
          },
        ],
  );
}

/**
 * A territorial synthesis publishes the values of one release: recorded under another release's name (the detail's),
 * they would be read as published when they were not.
 */
function checkSameRelease(territorial: TerritorialSynthesis, releaseDate: string | undefined): void {
  const file = territorial.table.file;
  const published = releaseDateOfFileName(file);
  if (published !== undefined && published !== releaseDate) {
    throw new Error(
      `${file} was published in the release of ${published}, and the detail file (or releasedOn) names ` +
        `${releaseDate === undefined ? 'no release' : `the release of ${releaseDate}`}: give the detail file of the synthesis's release`,
    );
  }
}

/** What the reader should know about the files that were not given. */
function readingWarnings(given: {
  readonly sectors: boolean;
  readonly synthesis: Synthesis | undefined;
  readonly territorial: TerritorialSynthesis | undefined;
  readonly level: TerritoryLevel;
  readonly file: string;
}): string[] {
  const warnings: string[] = [];
  if (!given.sectors) warnings.push(`no secteurs file: every project goes into mission ${UNSECTORED_MISSION.code}`);
  if (given.synthesis === undefined) {
    warnings.push(
      (given.territorial === undefined ? 'no synthesis file' : 'no national synthesis file') +
        ': each new indicator takes its first value (earliest date) as baseline and its last value (latest date) as target' +
        (given.level === 'national' ? '' : `, from this file's ${given.level} values`),
    );
  }
  return warnings;
}

/** For each project, its launch (new), or the redesigns adding the indicators it does not have yet and moving revised targets. */
function plannedCommands(
  plans: readonly ProjectPlan[],
  synthesis: Synthesis | undefined,
  release: { readonly decidedOn: string; readonly file: string; readonly today: string },
  findings: Findings,
): PlannedCommands {
  const launches = new Map<ProjectPlan, { readonly command: LaunchProject; readonly definitions: number }>();
  const redesigns = new Map<ProjectPlan, RedesignProject>();
  const retargets = new Map<ProjectPlan, RedesignProject>();
  const currentValues = new Map<ProjectPlan, CurrentValue[]>();
  for (const plan of plans) {
    currentValues.set(plan, currentValuesOf(plan, synthesis));
    const { definitions, revisedTargets } = definitionsFor(plan, synthesis, findings);
    if (plan.state.status === 'active') {
      const command = redesignFor(plan, plan.state, definitions, release, findings);
      if (command !== undefined) redesigns.set(plan, command);
      const retarget = retargetFor(plan, plan.state, revisedTargets, release, findings);
      if (retarget !== undefined) retargets.set(plan, retarget);
    } else {
      const launch = launchFor(plan, definitions, release.today, findings);
      if (launch !== undefined) launches.set(plan, launch);
    }
  }
  return { launches, redesigns, retargets, currentValues };
}

/** The synthesis's current value (VA) of each of the project's indicators that has one, with its VI and VC. */
function currentValuesOf(plan: ProjectPlan, synthesis: Synthesis | undefined): CurrentValue[] {
  return plan.indicatorIds.flatMap((indicatorId) => {
    const entry = synthesis?.entries.get(indicatorId);
    if (entry?.valeurActuelle === undefined) return [];
    const { value, on } = entry.valeurActuelle;
    return [{ indicatorId, value, period: on, against: entry.publishedAgainst }];
  });
}

/** How commands leave the import: stopped between two when aborted, each under a key that never carries another body. */
function sending(
  detailDigest: string,
  recorded: Pick<Sending, 'batchSize' | 'source' | 'release'>,
  ports: LedgerPort,
  findings: Findings,
  options: ImportOptions,
): Sending {
  const importId = detailDigest.slice(0, 16);
  return {
    ...recorded,
    send: async (command, key) => {
      if (options.signal?.aborted === true) {
        findings.aborted = true;
        return undefined;
      }
      return ports.send(command, key);
    },
    idempotencyKey: (parts: readonly (string | number)[], command: DomainCommand) => {
      // The command's own digest in the key: the same key is never sent with another body, whatever changed meanwhile.
      const body = createHash('sha256').update(JSON.stringify(command)).digest('hex').slice(0, 12);
      return ['barometre', importId, ...parts, body].join(':');
    },
  };
}
