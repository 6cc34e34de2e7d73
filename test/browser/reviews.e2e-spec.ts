import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { openTab, signIn } from './support/journeys';
import { runningWorkspace } from './support/workspace-service';

// The Revues and Audit pages as a reviewer and an auditor use them, in Chromium, on the demo: a committee's report and
// what changed since the previous one, its pack downloaded; the live verification of the audit trail. axe checks
// every page visited: no serious or critical violation.

interface NamedDiff {
  readonly healthChanges: readonly { readonly projectTitle: string }[];
  readonly milestones: { readonly reached: readonly { readonly projectTitle: string; readonly title: string }[] };
}

const running = runningWorkspace();

/** What the API says changed from CITP 5 to CITP 6: the page must say it too. */
async function changesFrom5To6(): Promise<NamedDiff> {
  const response = await fetch(`${running.service.url}/api/v1/review-cycles/citp-6/diff?against=citp-5`, {
    headers: { Authorization: `Bearer ${running.service.tokens.reviewer}` },
  });
  return (await response.json()) as NamedDiff;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link');

async function signedInAs(token: string): Promise<{ page: Page; errors: string[] }> {
  const tab = await openTab(running.browser);
  await tab.page.goto(`${running.service.url}/connexion`);
  await signIn(tab.page, token);
  await tab.page.locator('#time-stamp').waitFor();
  return tab;
}

describe('the reviews', () => {
  it('opens the 6th CITP from Revues, says what changed since the 5th, and downloads its pack', async () => {
    const diff = await changesFrom5To6();
    const [health] = diff.healthChanges;
    const [reached] = diff.milestones.reached;
    if (health === undefined || reached === undefined) throw new Error('the demo changed no health or milestone');
    const { page, errors } = await signedInAs(running.service.tokens.reviewer);
    expect(await menu(page).allTextContents()).toEqual(['Portefeuille', 'Revues']);

    await menu(page).getByText('Revues').click();
    await page.waitForURL(/\/revues$/);
    await page.getByRole('link', { name: /^6e CITP/ }).click();
    await page.waitForURL(/\/revues\/citp-6$/);
    await page.getByRole('heading', { name: 'Ce qui a changé depuis le comité précédent' }).waitFor();
    await page.getByText(`« ${health.projectTitle} » passe de`).waitFor();
    await page.getByText(`« ${reached.projectTitle} » : « ${reached.title} » atteint le`).first().waitFor();
    await page.getByText('réservée aux auditeurs').waitFor();
    await expectAccessible(page);

    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Classeur Excel (projets et changements)' }).click(),
    ]);
    expect(workbook.suggestedFilename()).toBe('pack-citp-6.xlsx');
    expect(
      readFileSync(await workbook.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const [changes] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Changements (CSV)' }).click(),
    ]);
    expect(changes.suggestedFilename()).toBe('pack-citp-6-changements.csv');
    expect(readFileSync(await changes.path(), 'utf8')).toContain(reached.title);

    await page.goto(`${running.service.url}/audit`);
    await page.getByRole('heading', { name: 'Page réservée' }).waitFor();
    expect(errors).toEqual([]);

    await page.goto(`${running.service.url}/revues/citp-99`);
    expect(await page.getByRole('alert').textContent()).toMatch(/^Le rapport n’a pas pu être lu : /);
  }, 30_000);
});

describe('the audit', () => {
  it('shows the latest checkpoint and the seals to an auditor, verifies the audit trail on demand, exports it; a review shows its seal covered', async () => {
    const { page, errors } = await signedInAs(running.service.tokens.auditor);
    await menu(page).getByText('Audit').click();
    await page.waitForURL(/\/audit$/);
    await page.getByText(/^Signé le/).waitFor();
    await page
      .getByRole('row', { name: /6e CITP/ })
      .getByText('Couvert par le dernier point de contrôle')
      .waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
    const result = page.locator('#verification-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^Journal intègre : aucune anomalie.*\d+ événements dans/);
    await expectAccessible(page);

    const [events] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Journal des événements (NDJSON)' }).click(),
    ]);
    expect(events.suggestedFilename()).toMatch(/\.ndjson$/);
    const [first] = readFileSync(await events.path(), 'utf8').split('\n');
    expect(JSON.parse(first)).toHaveProperty('position');

    await page
      .getByRole('row', { name: /6e CITP/ })
      .getByRole('link')
      .click();
    await page.waitForURL(/\/revues\/citp-6$/);
    const seal = page.getByRole('region', { name: 'Sceau du comité' });
    await seal.getByText('Couvert par le dernier point de contrôle').waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  }, 30_000);
});
