import type { Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { openProjectForEntry, openTab, signIn } from './support/journeys';
import { runningWorkspace } from './support/workspace-service';

// The Saisie page as the programme office uses it, in Chromium, on the demo: a measurement recorded in one tab and seen
// live in another, a value refused on its field, a stale If-Match explained. axe checks each state shown.

/** A project of the demo with one indicator, far from its target: reaching it changes the progress shown. */
const PROJECT = { id: 'sac-a-dos-numerique', title: 'Sac à dos numérique de l’agent', indicatorId: 'agents-equipes' };

/** Today, as the dates the forms take: what is recorded is dated no later than the day it is recorded. */
const TODAY = new Date().toISOString().slice(0, 10);

const running = runningWorkspace();

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** The errors of a tab but the browser's note of the refusal the test expects (its console logs every 4xx). */
const besides = (errors: string[], status: number) =>
  errors.filter((error) => !error.includes(`the server responded with a status of ${status}`));

/** The API as the test's other actor: another member of the programme office. */
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${running.service.url}/api/v1${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${running.service.tokens['programme-office']}`,
      'Content-Type': 'application/json',
    },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The cell of a project's progress in the portfolio. */
const progressCell = (page: Page, title: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: title, exact: true }) })
    .locator('td')
    .nth(1);

describe('recording a measurement', () => {
  it('is seen live on the portfolio of a second tab, without reloading it', async () => {
    const project = await api<{ indicators: { indicatorId: string; target: { value: number } }[] }>(
      `/projects/${PROJECT.id}`,
    );
    const target = project.indicators.find((indicator) => indicator.indicatorId === PROJECT.indicatorId)?.target;
    const watcher = await openTab(running.browser);
    await watcher.page.goto(`${running.service.url}/connexion`);
    await signIn(watcher.page, running.service.tokens.reviewer);
    await watcher.page.getByText('Suivi en direct').waitFor();
    expect(await progressCell(watcher.page, PROJECT.title).textContent()).not.toBe('100 %');
    await watcher.page.evaluate('window.stillTheSamePage = true');

    const { page, errors } = await openProjectForEntry(running.browser, running.service, PROJECT.title);
    await expectAccessible(page);
    await page.getByLabel(/^Valeur/).fill(String(target?.value).replace('.', ','));
    await page.getByLabel(/^Fin de la période mesurée/).fill(TODAY);
    await page.getByLabel(/^Source/).fill('Bureau de programme');
    await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await page.getByText(/^Mesure enregistrée \(position \d+ du journal\)/).waitFor();
    expect(await page.getByRole('link', { name: `Voir le projet ${PROJECT.title}` }).getAttribute('href')).toBe(
      `/projets/${PROJECT.id}`,
    );
    await expectAccessible(page);

    await watcher.page.getByText(/^Mis à jour à \d\d:\d\d\.$/).waitFor();
    await progressCell(watcher.page, PROJECT.title)
      .filter({ hasText: /^100 %$/ })
      .waitFor();
    expect(await watcher.page.evaluate('window.stillTheSamePage')).toBe(true);
    await expectAccessible(watcher.page);
    expect([...errors, ...watcher.errors]).toEqual([]);
  }, 30_000);

  it('shows the API’s refusal of a value on the field, in the DSFR’s error state', async () => {
    const { page, errors } = await openProjectForEntry(running.browser, running.service, PROJECT.title);
    await page.getByLabel(/^Valeur/).fill('douze');
    await page.getByLabel(/^Fin de la période mesurée/).fill(TODAY);
    await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();

    const value = page.getByLabel(/^Valeur/);
    await page.locator('#measurement-value-error').waitFor();
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect(await value.getAttribute('class')).toContain('fr-input--error');
    expect(await page.locator('#measurement-value-error').textContent()).toMatch(/nombre/);
    expect(await page.getByLabel(/^Fin de la période mesurée/).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('alert').textContent()).toContain('La mesure n’a pas été enregistrée');
    await expectAccessible(page);
    expect(besides(errors, 400)).toEqual([]);
  }, 30_000);
});

describe('a stale If-Match', () => {
  it('is explained when someone changed the project since the form was opened, and a reload lets it through', async () => {
    const { page, errors } = await openProjectForEntry(running.browser, running.service, PROJECT.title);
    const opened = await page.locator('#opened-project').textContent();
    await page.getByLabel(/^Valeur/).fill('321');
    await page.getByLabel(/^Fin de la période mesurée/).fill(TODAY);

    // Meanwhile, someone else records a value on the same project.
    await api(`/projects/${PROJECT.id}/indicators/${PROJECT.indicatorId}/measurements`, {
      method: 'POST',
      body: JSON.stringify({ value: 300, period: TODAY, source: 'un collègue' }),
    });
    await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    const explanation = page.getByRole('alert').filter({ hasText: 'Quelqu’un a modifié ce projet' });
    await explanation.waitFor();
    expect(await explanation.textContent()).toContain('depuis que vous l’avez ouvert');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Recharger le projet' }).click();
    await page.getByText('Ce qui a changé depuis que vous l’aviez ouvert').waitFor();
    expect(await page.locator('#opened-project').textContent()).not.toBe(opened);
    expect(await page.getByLabel(/^Valeur/).inputValue()).toBe('321');
    await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await page.getByText(/^Mesure enregistrée/).waitFor();
    await expectAccessible(page);
    expect(besides(errors, 412)).toEqual([]);
  }, 30_000);
});

describe('a project’s page', () => {
  it('follows the project’s own events: its history and values grow without a reload', async () => {
    const watcher = await openTab(running.browser);
    await watcher.page.goto(`${running.service.url}/connexion?suite=%2Fprojets%2F${PROJECT.id}`);
    await signIn(watcher.page, running.service.tokens.reviewer);
    await watcher.page.getByText('Suivi en direct').waitFor();
    const history = watcher.page.locator('ol.project-history > li');
    await history.first().waitFor();
    const before = await history.count();
    await watcher.page.evaluate('window.stillTheSamePage = true');

    await api(`/projects/${PROJECT.id}/indicators/${PROJECT.indicatorId}/measurements`, {
      method: 'POST',
      body: JSON.stringify({ value: 4321, period: TODAY, source: 'suivi en direct' }),
    });
    await watcher.page.getByText(/^Mis à jour à \d\d:\d\d\.$/).waitFor();
    await history.nth(before).waitFor();
    await watcher.page
      .getByRole('cell', { name: /^4\s321\b/ })
      .first()
      .waitFor();
    expect(await watcher.page.evaluate('window.stillTheSamePage')).toBe(true);
    await expectAccessible(watcher.page);
    expect(watcher.errors).toEqual([]);
  }, 30_000);
});

describe('a milestone and a review cycle', () => {
  it('marks a milestone reached, then holds a review cycle, each success linking to what changed', async () => {
    const { page, errors } = await openProjectForEntry(running.browser, running.service, PROJECT.title);
    const reached = await page.locator('#milestone-id option:checked').textContent();
    await page.getByLabel(/^Atteint le/).fill(TODAY);
    await page.getByLabel(/^Preuve/).fill('Déployé dans les derniers ministères');
    await page.getByRole('button', { name: 'Marquer le jalon atteint' }).click();
    await page.getByText(/^Jalon marqué atteint \(position \d+ du journal\)/).waitFor();
    expect(await page.getByRole('link', { name: `Voir le projet ${PROJECT.title}` }).count()).toBe(1);
    // The project read again: the milestone reached is no longer offered.
    await page.locator('#milestone-id option', { hasText: reached ?? '' }).waitFor({ state: 'detached' });

    await page.getByLabel(/^Identifiant/).fill('citp-7');
    await page.getByLabel(/^Intitulé/).fill('7e CITP');
    await page.getByLabel(/^Tenue le/).fill(TODAY);
    await page.getByRole('button', { name: 'Tenir la revue et sceller l’historique' }).click();
    const seen = page.getByRole('link', { name: 'Voir le portefeuille tel que le 7e CITP l’a vu' });
    await seen.waitFor();
    await expectAccessible(page);
    await seen.click();
    await page.getByText('tel que le 7e CITP l’a vu').waitFor();
    expect(errors).toEqual([]);
  }, 30_000);
});
