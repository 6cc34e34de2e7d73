// The DSFR footer: the Republic's block, what the service is, and where its API is documented.

export function Footer() {
  return (
    <footer class="fr-footer" role="contentinfo" id="footer">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l’accueil - Portefeuille Tech.gouv">
              <p class="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              Le portefeuille des projets de transformation numérique de l’État, tel qu’il était à toute date et tel
              qu’il était connu à tout moment : chaque fait est un événement d’un journal scellé et vérifiable.
              Accessibilité : non conforme (audit à mener).
            </p>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/docs">
                Documentation de l’API
              </a>
            </li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>
              Sauf mention contraire, les données du Baromètre des résultats de l’action publique sont publiées sous
              licence Etalab 2.0.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
