// The DSFR header: the Republic's block, the service's name, who is signed in, and the menu of the pages the role may use.
import { menuFor } from '../routes';
import { ROLE_NAMES, type Session } from '../session';

function Tools({ session }: { session: Session | undefined }) {
  if (session === undefined) return null;
  return (
    <div class="fr-header__tools">
      <div class="fr-header__tools-links">
        <ul class="fr-btns-group">
          <li>
            <p class="fr-btn fr-icon-account-circle-line signed-in-as">
              {ROLE_NAMES[session.principal.role]} : {session.principal.name}
            </p>
          </li>
          <li>
            <a class="fr-btn fr-icon-logout-box-r-line" href="/deconnexion">
              Se déconnecter
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}

function Navigation({ session, path }: { session: Session | undefined; path: string }) {
  if (session === undefined) return null;
  return (
    <nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal">
      <ul class="fr-nav__list">
        {menuFor(session.principal.role).map((page) => (
          <li class="fr-nav__item" key={page.href}>
            <a class="fr-nav__link" href={page.href} aria-current={path.startsWith(page.href) ? 'page' : undefined}>
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Header({ session, path }: { session: Session | undefined; path: string }) {
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                {session !== undefined && (
                  <div class="fr-header__navbar">
                    <button
                      class="fr-btn--menu fr-btn"
                      data-fr-opened="false"
                      aria-controls="modal-menu"
                      aria-haspopup="menu"
                      id="button-menu"
                      title="Menu"
                    >
                      Menu
                    </button>
                  </div>
                )}
              </div>
              <div class="fr-header__service">
                <a href="/" title="Accueil - Portefeuille Tech.gouv">
                  <p class="fr-header__service-title">Portefeuille Tech.gouv</p>
                </a>
                <p class="fr-header__service-tagline">Le registre des projets de transformation numérique de l’État</p>
              </div>
            </div>
            <Tools session={session} />
          </div>
        </div>
      </div>
      {session !== undefined && (
        <div class="fr-header__menu fr-modal" id="modal-menu" aria-labelledby="button-menu">
          <div class="fr-container">
            <button class="fr-btn--close fr-btn" aria-controls="modal-menu" title="Fermer">
              Fermer
            </button>
            <div class="fr-header__menu-links"></div>
            <Navigation session={session} path={path} />
          </div>
        </div>
      )}
    </header>
  );
}
