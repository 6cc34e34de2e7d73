import type { DefineMission } from './mission/decide-define-mission';
import type { CloseProject } from './project/decide-close-project';
import type { LaunchProject } from './project/decide-launch-project';
import type { ReachMilestone } from './project/decide-reach-milestone';
import type { RecordMeasurements } from './project/decide-record-measurements';
import type { RedesignProject } from './project/decide-redesign-project';
import type { HoldReviewCycle } from './review-cycle/decide-hold-review-cycle';

/** Anything the programme office can ask of the ledger; `type` names the decision that answers it. */
export type DomainCommand =
  | DefineMission
  | LaunchProject
  | ReachMilestone
  | RecordMeasurements
  | RedesignProject
  | CloseProject
  | HoldReviewCycle;
