import type { Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { DemoFacts, type CycleReport } from './support/demo-facts';
import { openTab, showAsKnownBy, signIn } from './support/journeys';
import { runningWorkspace } from './support/workspace-service';

// The web workspace as a reviewer uses it, in Chromium, on the demo: signing in, the portfolio as two committees saw
// it, a project's page, a restated value as known before and after. axe checks every page visited: no serious or
// critical violation. What each page must show is read from the API (DemoFacts), not written here.

const HEALTH_WORDS: Readonly<Record<string, string>> = {
  green: 'Vert : en bonne voie',
  amber: 'Orange : à surveiller',
  red: 'Rouge : en difficulté',
};

const running = runningWorkspace();
let facts: DemoFacts;
beforeAll(() => {
  facts = new DemoFacts(running.service.url, running.service.tokens.reviewer);
});

const projectsOf = (cycle: CycleReport) => cycle.portfolio.missions.flatMap((mission) => mission.projects);

/** The health a project's row shows, in words. */
const healthShown = (page: Page, title: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: title, exact: true }) })
    .locator('.fr-badge')
    .textContent();

const FRENCH = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const frenchDay = (isoDate: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('signing in', () => {
  it('explains a wrong token, signs in with the right one, shows the menu of the role, and signs out', async () => {
    const { page, errors } = await openTab(running.browser);
    await page.goto(`${running.service.url}/portefeuille`);
    await page.waitForURL(/\/connexion\?suite=%2Fportefeuille$/);
    await expectAccessible(page);

    await signIn(page, 'not-a-token-of-this-service-at-all');
    const refusal = page.locator('#token-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Ce jeton n’est pas reconnu par le service');
    expect(await page.getByLabel('Jeton d’API').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await signIn(page, running.service.tokens.reviewer);
    await page.waitForURL(/\/portefeuille$/);
    await page.locator('#time-stamp').waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link').allTextContents()).toEqual([
      'Portefeuille',
      'Revues',
    ]);
    expect(await page.locator('.signed-in-as').first().textContent()).toContain('Relecteur');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(errors).toEqual([]);
  }, 30_000);

  it('sends back to the sign-in, saying why, once the service no longer accepts the token of the session', async () => {
    const { page, errors } = await openTab(running.browser);
    await page.goto(`${running.service.url}/connexion`);
    await signIn(page, running.service.tokens.reviewer);
    await page.locator('#time-stamp').waitFor();
    // As after a rotation of the tokens: the tab still holds the old one.
    await page.evaluate(`(() => {
      const key = 'portfolio-ledger.session';
      sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)), token: 'rotated-away' }));
    })()`);
    await page.reload();
    await page.waitForURL(/\/connexion\?suite=%2Fportefeuille$/);
    await page.getByText('Le service n’accepte plus votre jeton').waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  }, 30_000);
});

describe('the portfolio', () => {
  it('shows it as the 5th CITP saw it, then as the 6th, each view in the address, the same after a reload', async () => {
    const [citp5, citp6] = await Promise.all([facts.cycleReport('citp-5'), facts.cycleReport('citp-6')]);
    const healthAt6 = new Map(projectsOf(citp6).map((project) => [project.title, project.health]));
    const changed = projectsOf(citp5).find((project) => healthAt6.get(project.title) !== project.health);
    if (changed === undefined) throw new Error('the demo has no project whose health changed from CITP 5 to CITP 6');
    const { page, errors } = await openTab(running.browser);
    await page.goto(`${running.service.url}/connexion`);
    await signIn(page, running.service.tokens.reviewer);
    await page.locator('#time-stamp').waitFor();

    await showAsKnownBy(page, '5e CITP');
    await page.waitForURL(`**/portefeuille?at=${citp5.heldOn}&asOf=${citp5.seal.sealedPosition}`);
    await page.getByText('tel que le 5e CITP l’a vu').waitFor();
    expect(await healthShown(page, changed.title)).toBe(HEALTH_WORDS[changed.health ?? '']);
    await expectAccessible(page);

    await showAsKnownBy(page, '6e CITP');
    await page.waitForURL(`**/portefeuille?at=${citp6.heldOn}&asOf=${citp6.seal.sealedPosition}`);
    await page.getByText('tel que le 6e CITP l’a vu').waitFor();
    expect(await healthShown(page, changed.title)).toBe(HEALTH_WORDS[healthAt6.get(changed.title) ?? '']);

    await page.reload();
    await page.getByText('tel que le 6e CITP l’a vu').waitFor();
    expect(await page.getByLabel('Ce qui était connu').inputValue()).toBe('cycle:citp-6');
    expect(await page.getByLabel('Date des faits').inputValue()).toBe(citp6.heldOn);
    expect(await healthShown(page, changed.title)).toBe(HEALTH_WORDS[healthAt6.get(changed.title) ?? '']);
    expect(errors).toEqual([]);
  }, 30_000);
});

describe('a project', () => {
  it('shows its plan, a chart and a table of values per indicator, and its history, from the portfolio', async () => {
    const { page, errors } = await openTab(running.browser);
    await page.goto(`${running.service.url}/connexion`);
    await signIn(page, running.service.tokens.reviewer);
    await showAsKnownBy(page, '6e CITP');
    await page.getByText('tel que le 6e CITP l’a vu').waitFor();

    await page.getByRole('link', { name: 'FranceConnect', exact: true }).click();
    await page.waitForURL(/\/projets\/franceconnect\?at=2021-07-23&asOf=\d+$/);
    await page.getByRole('heading', { name: 'FranceConnect', level: 1 }).waitFor();
    await page.locator('.indicator-chart svg').first().waitFor();
    expect(await page.locator('.indicator-chart svg').first().getAttribute('aria-label')).toContain(
      'mesures et trajectoire vers la cible',
    );
    await page.getByRole('table', { name: 'Valeurs de « Usagers de FranceConnect », en millions d’usagers' }).waitFor();
    expect(await page.getByRole('table', { name: 'Jalons du plan en vigueur' }).getByRole('row').count()).toBe(3);
    expect(await page.locator('.project-history li').first().textContent()).toContain('Projet « FranceConnect » lancé');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  }, 30_000);

  it('shows a restated value as it was known at a release, then both values and when each was known', async () => {
    const restated = await facts.restatedValue();
    const { page, errors } = await openTab(running.browser);
    await page.goto(`${running.service.url}/connexion`);
    await signIn(page, running.service.tokens.reviewer);
    await page.locator('#time-stamp').waitFor();
    const row = (label: string) =>
      page
        .getByRole('table', { name: new RegExp(`^Valeurs de « ${escape(label)} »`) })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: frenchDay(restated.period), exact: true }) });

    await page.goto(`${running.service.url}/projets/${restated.projectId}?asOf=barometre:${restated.release}`);
    await page.getByText(`tel que publié dans le Baromètre`).waitFor();
    // The values are read apart from the project's document: their row comes when they have been read.
    await row(restated.label).waitFor();
    const before = await row(restated.label).locator('td').allTextContents();
    expect(before[0]).toBe(FRENCH.format(restated.first));
    expect(before[1]).not.toContain('puis');
    await expectAccessible(page);

    await page.goto(`${running.service.url}/projets/${restated.projectId}`);
    await page.getByText('tel que connu maintenant').waitFor();
    await row(restated.label).waitFor();
    const now = await row(restated.label).locator('td').allTextContents();
    expect(now[0]).toBe(`${FRENCH.format(restated.latest)} (retraitée)`);
    expect(now[1]).toMatch(
      new RegExp(`^${FRENCH.format(restated.first)} le .*, puis ${FRENCH.format(restated.latest)} le `),
    );
    expect(errors).toEqual([]);
  }, 30_000);
});
