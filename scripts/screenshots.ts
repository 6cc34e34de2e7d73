// `npm run screenshots`: the workspace's pages on the demo, as a person sees them, into docs/screenshots/<page>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/browser/support/chromium';
import { openProjectForEntry, openTab, showAsKnownBy, signIn } from '../test/browser/support/journeys';
import { startWorkspaceService } from '../test/browser/support/workspace-service';

const OUT = join(__dirname, '..', 'docs', 'screenshots');

/** Revues, the 6th CITP's report, then Audit as an auditor after « Vérifier maintenant ». */
async function shootReviewsAndAudit(page: Page, auditorToken: string, shoot: (name: string) => Promise<unknown>) {
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await menu.getByRole('link', { name: 'Revues' }).click();
  await page.getByRole('link', { name: /^6e CITP/ }).waitFor();
  await shoot('revues');
  await page.getByRole('link', { name: /^6e CITP/ }).click();
  await page.locator('#changes-title ~ section').first().waitFor();
  // Its first screens: what changed, the pack, the seal; the portfolio under them is the Portefeuille page's.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.screenshot({ path: join(OUT, 'revue-citp-6.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'Se déconnecter' }).click();
  await signIn(page, auditorToken);
  await menu.getByRole('link', { name: 'Audit' }).click();
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await page.locator('#verification-result').waitFor();
  await shoot('audit');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const service = await startWorkspaceService();
  const browser = await launchChromium();
  try {
    const { page } = await openTab(browser);
    const shoot = (name: string) =>
      page.screenshot({ path: join(OUT, `${name}.png`), fullPage: name !== 'portefeuille' });
    await page.goto(`${service.url}/portefeuille`);
    await page.getByLabel('Jeton d’API').waitFor();
    await shoot('connexion');
    await signIn(page, service.tokens.reviewer);
    await page.locator('#time-stamp').waitFor();
    await showAsKnownBy(page, '6e CITP');
    await page.getByText('tel que le 6e CITP l’a vu').waitFor();
    // Tall enough to show the first missions' tables under the time bar.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await shoot('portefeuille');
    await page.getByRole('link', { name: 'FranceConnect', exact: true }).click();
    await page.locator('.indicator-chart svg').first().waitFor();
    await page.setViewportSize({ width: 1280, height: 2400 });
    await shoot('projet');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shootReviewsAndAudit(page, service.tokens.auditor, shoot);
    // Saisie, as the programme office: a project opened, a value the API refused shown on its field.
    const entry = (await openProjectForEntry(browser, service, 'Sac à dos numérique de l’agent')).page;
    await entry.getByLabel(/^Valeur/).fill('douze');
    await entry.getByLabel(/^Fin de la période mesurée/).fill('2026-06-30');
    await entry.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await entry.locator('#measurement-value-error').waitFor();
    await entry.screenshot({ path: join(OUT, 'saisie.png'), fullPage: true });
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
