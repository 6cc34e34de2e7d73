// « S’identifier avec ProConnect » (the DSFR's ProConnect button), when the service offers it, and why a sign-in
// through ProConnect did not complete.
import { useEffect, useState } from 'preact/hooks';
import { hrefOf } from '../router';

/** The service's reasons (`/connexion?erreur=<reason>`), in words a person can act on. */
const REFUSALS: Readonly<Record<string, string>> = {
  refusee: 'La connexion a été annulée sur ProConnect.',
  etat: 'La connexion a expiré ou a été commencée dans un autre onglet : recommencez.',
  echec: 'ProConnect n’a pas pu confirmer votre identité : recommencez, ou collez un jeton d’API.',
  role: 'Votre compte ProConnect n’a aucun rôle dans ce service : demandez-en un à son exploitant.',
  indisponible: 'ProConnect ne répond pas pour le moment : réessayez dans un moment.',
};

/** Why the last ProConnect sign-in failed, if the sign-in page was reached with a reason. */
export function proConnectRefusal(reason: string | null): string | undefined {
  if (reason === null) return undefined;
  return REFUSALS[reason] ?? 'La connexion avec ProConnect n’a pas abouti : recommencez.';
}

/** Whether the service offers ProConnect sign-in (GET /api/v1/session/sign-in-options, public). */
function useProConnectOffered(): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    fetch('/api/v1/session/sign-in-options', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<{ proConnect?: unknown }>) : undefined))
      .then((options) => setOffered(options?.proConnect === true))
      // Unreachable service: the token field stays, and says so when used.
      .catch(() => setOffered(false));
  }, []);
  return offered;
}

/**
 * The button leaves the workspace for the service's sign-in route, which redirects to ProConnect: a navigation, not a
 * form, as the page's form-action policy rightly forbids a form to lead to another site.
 */
export function ProConnectSignIn({ next }: { readonly next: string | undefined }) {
  if (!useProConnectOffered()) return null;
  return (
    <div class="fr-connect-group fr-mb-4w">
      <button
        class="fr-connect fr-connect--pro"
        type="button"
        onClick={() => window.location.assign(hrefOf('/api/v1/session/oidc', { suite: next }))}
      >
        <span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">ProConnect</span>
      </button>
      <p>
        <a
          href="https://www.proconnect.gouv.fr/"
          target="_blank"
          rel="noopener"
          title="Qu’est-ce que ProConnect ? - nouvelle fenêtre"
        >
          Qu’est-ce que ProConnect ?
        </a>
      </p>
    </div>
  );
}
