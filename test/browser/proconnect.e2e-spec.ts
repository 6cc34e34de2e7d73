import { TEST_CLIENT_SECRET } from '../support/oidc-authorization';
import { startOidcIssuer, TEST_AUDIENCE, type TestOidcIssuer } from '../support/oidc-issuer';
import { seriousViolations } from './support/accessibility';
import { openTab } from './support/journeys';
import { runningWorkspace } from './support/workspace-service';

// A person signs in to the workspace with ProConnect (a local issuer that consents at once), in Chromium, on the
// demo: back on the Portefeuille with their name and their role's menus, on a cookie the page's scripts never see.

let issuer: TestOidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
  issuer.signIn.person = {
    sub: 'camille-2b9e',
    roles: 'reviewer',
    claims: { given_name: 'Camille', usual_name: 'Durand', organizational_unit: 'DINUM' },
  };
});
const running = runningWorkspace((url) => ({
  PORTFOLIO_OIDC_ISSUER: issuer.issuer,
  PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
  PORTFOLIO_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
  PORTFOLIO_OIDC_REDIRECT_URL: `${url}/api/v1/session/oidc/callback`,
  PORTFOLIO_SESSION_SECRET: 'kX3v9Qm2Lr8Tz5Wb1Nc7Hd4Fg6Js0Pa-Ye_Ui2Oo8Ee',
}));
afterAll(() => issuer.close());

describe('signing in with ProConnect', () => {
  it('offers the ProConnect button on an accessible sign-in page', async () => {
    const { page, errors } = await openTab(running.browser);
    await page.goto(running.service.url);
    const button = page.getByRole('button', { name: 'S’identifier avec ProConnect' });
    await button.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lands back on the Portefeuille signed in, with the name and the menus of the role', async () => {
    const { page, errors } = await openTab(running.browser);
    await page.goto(running.service.url);
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
    await page.waitForURL(`${running.service.url}/portefeuille`);
    await page.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
    expect(await page.locator('.signed-in-as').first().textContent()).toBe('Relecteur : Camille Durand');
    const menu = await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link').allTextContents();
    expect(menu).toEqual(['Portefeuille', 'Revues']);
    // The credential is an HttpOnly cookie: nothing the page's scripts can read or leak.
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(sessionStorage)')).not.toMatch(/eyJ/);

    await page.getByRole('link', { name: 'Revues' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Revues' }).waitFor();
    await page.getByRole('link', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).waitFor();
    // Signed out at the service too: a new tab of this browser is not signed in.
    await page.goto(running.service.url);
    await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
