// A path the workspace has no page at, or a page the signed-in role may not use.
import { Page } from '../layout/page';

export function NotFound() {
  return (
    <Page title="Page introuvable">
      <p>Cette page n’existe pas dans l’espace de travail.</p>
      <a class="fr-link" href="/portefeuille">
        Revenir au portefeuille
      </a>
    </Page>
  );
}

export function NotForRole({ role }: { role: string }) {
  return (
    <Page title="Page réservée">
      <p>Le rôle « {role} » ne permet pas d’utiliser cette page : elle n’apparaît pas dans votre menu.</p>
      <a class="fr-link" href="/portefeuille">
        Revenir au portefeuille
      </a>
    </Page>
  );
}
