// Issue 20's goals for the web workspace, on each store: the Portefeuille page on the demo and at 1M events.
import type { StoreKind } from '../support/bench-target';
import { n, type Goal } from './goal';
import { AT_1M_MS, atScaleVerdict, DEMO_MS, demoVerdict } from './workspace-verdicts';

export const workspaceGoals = (store: StoreKind): Goal[] => [
  {
    id: `${store}-workspace-demo`,
    store,
    goal: `web workspace: Portefeuille page interactive ≤ ${n(DEMO_MS)} ms on the demo (median of first visits)`,
    check: ({ workspaceDemo }) => demoVerdict(workspaceDemo),
  },
  {
    id: `${store}-workspace-1M`,
    store,
    goal: `web workspace: Portefeuille page interactive ≤ ${n(AT_1M_MS)} ms at 1M events (median of first visits)`,
    check: ({ sizes }) => atScaleVerdict(sizes),
  },
];
