// What a person does in the workspace, step by step, for the browser tests and the screenshots alike.
import type { Browser, Page } from 'playwright-core';

/** A page of its own (a tab with its own sessionStorage), that fails the test on a script error or a refused load. */
export async function openTab(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    // A CSP refusal, a missing file: the browser says so on its console, as an error.
    if (message.type() === 'error' && !/the server responded with a status of 401/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { page, errors };
}

/** Pastes a token in the sign-in page and signs in. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Jeton d’API').fill(token);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * Chooses what was known in the time bar (a committee, a release: the start of the option's visible label), once the
 * time bar offers it (the committees and releases are read apart from the page's document), and shows it.
 */
export async function showAsKnownBy(page: Page, option: string): Promise<void> {
  const select = page.getByLabel('Ce qui était connu');
  const offered = select.locator('option').filter({ hasText: new RegExp(`^${option}`) });
  await offered.first().waitFor({ state: 'attached' });
  await select.selectOption({ label: (await offered.first().textContent()) ?? option });
  await page.getByRole('button', { name: 'Afficher' }).click();
}

/** Signs in the programme office in a tab of its own and opens a project in the Saisie page, its forms shown. */
export async function openProjectForEntry(
  browser: Browser,
  service: { readonly url: string; readonly tokens: Readonly<Record<'programme-office', string>> },
  projectTitle: string,
): Promise<{ page: Page; errors: string[] }> {
  const tab = await openTab(browser);
  await tab.page.goto(`${service.url}/saisie`);
  await signIn(tab.page, service.tokens['programme-office']);
  await tab.page.getByLabel(/^Projet/).selectOption({ label: projectTitle });
  await tab.page.getByRole('button', { name: 'Ouvrir le projet' }).click();
  await tab.page.locator('#opened-project').waitFor();
  return tab;
}
