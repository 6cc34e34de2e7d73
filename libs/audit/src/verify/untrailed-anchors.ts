import { unproven, type TrustFinding } from './trust-finding';
import type { TrustAnchors } from './trust-options';

/** Every anchor left unproven, with the reason: what is said when there is nothing to check them on. */
export function anchorsNotCheckable(anchors: TrustAnchors, why: string): TrustFinding[] {
  return [
    ...anchors.pins.map(() => unproven('pin', why)),
    ...anchors.witnesses.map(() => unproven('witness', why)),
    ...(anchors.tsa === undefined ? [] : [unproven('timestamp', why)]),
  ];
}
