import { DomainError, type DefineMission, type LaunchProject, type RedesignProject } from '@portfolio/domain';
import type { Findings } from './findings';
import { MISSIONS_DEFINED_ON, PROGRAMME } from './mapping';
import { pendingRows, type Mission, type ProjectPlan } from './project-plans';
import { recordCurrentValues, recordMeasurements, type CurrentValue, type Sending } from './record-measurements';
import type { LedgerPort } from '../ledger-port';

/**
 * What the import decided to send for each project: its launch (a new project), or its redesigns: one adding the new
 * indicators, one moving the targets the release revised; then the synthesis's current values of its indicators.
 */
export interface PlannedCommands {
  readonly launches: ReadonlyMap<ProjectPlan, { readonly command: LaunchProject; readonly definitions: number }>;
  readonly redesigns: ReadonlyMap<ProjectPlan, RedesignProject>;
  readonly retargets: ReadonlyMap<ProjectPlan, RedesignProject>;
  readonly currentValues: ReadonlyMap<ProjectPlan, readonly CurrentValue[]>;
}

/**
 * Sends the missions the launches need, then project by project its launch or redesign, its measurement batches and
 * the synthesis's current values. Stops between two commands when the import is aborted.
 */
export async function sendPlans(
  plans: readonly ProjectPlan[],
  planned: PlannedCommands,
  sending: Sending,
  ports: LedgerPort,
  findings: Findings,
): Promise<void> {
  const refusedMissions = await defineMissions([...planned.launches.keys()], sending, ports, findings);
  for (const plan of plans) {
    if (findings.aborted) break;
    const launch = planned.launches.get(plan);
    if (plan.state.status !== 'active' && launch === undefined) continue; // every indicator was rejected
    const sent =
      launch === undefined
        ? await sendRedesigns(plan, planned, sending, findings)
        : await sendLaunch(plan, launch, refusedMissions, sending, findings);
    if (sent === 'aborted') break;
    if (sent === 'refused') continue;
    if (!(await recordMeasurements(plan, pendingRows(plan), sending, ports, findings))) break;
    const currentValues = planned.currentValues.get(plan) ?? [];
    if (!(await recordCurrentValues(plan, currentValues, sending, ports, findings))) break;
  }
}

/** Defines the missions of the projects to launch; returns those the domain refused, with why. */
async function defineMissions(
  launched: readonly ProjectPlan[],
  sending: Sending,
  ports: LedgerPort,
  findings: Findings,
): Promise<Map<string, string>> {
  const missions = new Map<string, Mission>(launched.map((plan) => [plan.mission.code, plan.mission]));
  const refused = new Map<string, string>();
  for (const mission of missions.values()) {
    if ((await ports.mission(mission.code)).status === 'defined') continue;
    const command: DefineMission = {
      type: 'DefineMission',
      missionCode: mission.code,
      name: mission.name,
      programme: PROGRAMME,
      definedOn: MISSIONS_DEFINED_ON,
    };
    try {
      const sent = await sending.send(command, sending.idempotencyKey(['mission', mission.code], command));
      if (sent === undefined) break;
      findings.missionsDefined += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code !== 'mission_already_defined') refused.set(mission.code, error.message);
    }
  }
  return refused;
}

type Sent = 'sent' | 'refused' | 'aborted';

async function sendLaunch(
  plan: ProjectPlan,
  launch: { readonly command: LaunchProject; readonly definitions: number },
  refusedMissions: ReadonlyMap<string, string>,
  sending: Sending,
  findings: Findings,
): Promise<Sent> {
  const refused = refusedMissions.get(plan.mission.code);
  if (refused !== undefined) {
    findings.rejectRows(pendingRows(plan), `mission ${plan.mission.code} could not be defined: ${refused}`);
    return 'refused';
  }
  try {
    const sent = await sending.send(launch.command, sending.idempotencyKey(['launch', plan.projectId], launch.command));
    if (sent === undefined) return 'aborted';
    findings.projectsLaunched += 1;
    findings.indicatorsDefined += launch.definitions;
    return 'sent';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    findings.rejectRows(pendingRows(plan), `LaunchProject ${plan.projectId} refused: ${error.message}`);
    return 'refused';
  }
}

async function sendRedesigns(
  plan: ProjectPlan,
  planned: PlannedCommands,
  sending: Sending,
  findings: Findings,
): Promise<Sent> {
  const sent = await sendRetarget(plan, planned.retargets.get(plan), sending, findings);
  return sent === 'aborted' ? sent : sendRedesign(plan, planned.redesigns.get(plan), sending, findings);
}

/** A refused retarget leaves the targets in force, with a warning: the values are recorded all the same. */
async function sendRetarget(
  plan: ProjectPlan,
  retarget: RedesignProject | undefined,
  sending: Sending,
  findings: Findings,
): Promise<Sent> {
  if (retarget === undefined) return 'sent';
  try {
    const sent = await sending.send(retarget, sending.idempotencyKey(['retarget', plan.projectId], retarget));
    if (sent === undefined) return 'aborted';
    findings.projectsRetargeted += 1;
    findings.targetsRevised += retarget.changes.indicators?.retargeted?.length ?? 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    findings.warnings.push(`RedesignProject ${plan.projectId} revising targets refused: ${error.message}`);
  }
  return 'sent';
}

/** A refused redesign rejects the indicators it would have added; the project's other rows are still recorded. */
async function sendRedesign(
  plan: ProjectPlan,
  redesign: RedesignProject | undefined,
  sending: Sending,
  findings: Findings,
): Promise<Sent> {
  if (redesign === undefined) return 'sent';
  const added = redesign.changes.indicators?.added ?? [];
  try {
    const sent = await sending.send(redesign, sending.idempotencyKey(['redesign', plan.projectId], redesign));
    if (sent === undefined) return 'aborted';
    findings.projectsRedesigned += 1;
    findings.indicatorsDefined += added.length;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const indicator of added) {
      findings.rejectIndicator(plan, indicator.indicatorId, `RedesignProject refused: ${error.message}`);
    }
  }
  return 'sent';
}
