import { seriousViolations } from './support/accessibility';
import { openTab, signIn } from './support/journeys';
import { runningWorkspace } from './support/workspace-service';

// A project's history replayed step by step on its page, in Chromium, on the demo, with the keyboard: the state after
// each event shown beside it, a milestone appearing at the step that reached it. What it must show is read from the
// API's /replay, not written here. axe checks each step shown.

const PROJECT_ID = 'hubee';

interface ReplayStep {
  readonly summary: string;
  readonly state: { readonly milestoneList: readonly { readonly title: string; readonly reachedOn: string | null }[] };
}

const running = runningWorkspace();

/** The first step that reaches a milestone, with the milestone's title. */
async function firstMilestoneReached(): Promise<{ step: number; title: string; steps: number }> {
  const response = await fetch(`${running.service.url}/api/v1/projects/${PROJECT_ID}/replay`, {
    headers: { Authorization: `Bearer ${running.service.tokens.reviewer}`, 'Accept-Language': 'fr' },
  });
  const { items } = (await response.json()) as { items: ReplayStep[] };
  const reached = (item: ReplayStep | undefined) =>
    (item?.state?.milestoneList ?? []).filter((milestone) => milestone.reachedOn !== null).map(({ title }) => title);
  const step = items.findIndex((item, index) => index > 0 && reached(item).length > reached(items[index - 1]).length);
  const title = reached(items[step]).find((name) => !reached(items[step - 1]).includes(name)) ?? '';
  return { step, title, steps: items.length };
}

describe('the replay of a project’s history', () => {
  it('steps through the events with the keyboard, the state after each shown beside it', async () => {
    const milestone = await firstMilestoneReached();
    expect(milestone.step).toBeGreaterThan(0);
    const { page, errors } = await openTab(running.browser);
    await page.goto(`${running.service.url}/connexion?suite=%2Fprojets%2F${PROJECT_ID}`);
    await signIn(page, running.service.tokens.reviewer);
    const start = page.getByRole('button', { name: 'Rejouer pas à pas' });
    await start.focus();
    await page.keyboard.press('Enter');
    expect(await start.getAttribute('aria-pressed')).toBe('true');

    const announced = page.locator('#replay-step');
    await announced.waitFor();
    expect(await announced.getAttribute('aria-live')).toBe('polite');
    expect(await announced.textContent()).toMatch(new RegExp(`^Étape 1 sur ${milestone.steps} : `));
    await page.getByRole('button', { name: `Voir l’étape ${milestone.step}`, exact: true }).click();
    const reachedList = page.locator('section[aria-labelledby="replay-step"] li');
    expect(await reachedList.filter({ hasText: `${milestone.title}, atteint le` }).count()).toBe(0);
    await expectAccessible();

    await page.getByRole('button', { name: 'Événement suivant' }).focus();
    await page.keyboard.press('Enter');
    expect(await announced.textContent()).toMatch(new RegExp(`^Étape ${milestone.step + 1} sur `));
    await reachedList.filter({ hasText: `${milestone.title}, atteint le` }).waitFor();
    await expectAccessible();

    await page.getByRole('button', { name: 'Événement précédent' }).focus();
    await page.keyboard.press('Enter');
    expect(await announced.textContent()).toMatch(new RegExp(`^Étape ${milestone.step} sur `));
    expect(await reachedList.filter({ hasText: `${milestone.title}, atteint le` }).count()).toBe(0);
    expect(errors).toEqual([]);

    async function expectAccessible(): Promise<void> {
      expect(await seriousViolations(page)).toEqual([]);
    }
  }, 60_000);
});
