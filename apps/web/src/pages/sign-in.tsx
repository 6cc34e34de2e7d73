// Connexion: ProConnect when the service offers it, or an API token pasted in a password field, checked with the API,
// which says who its bearer is.
import { useState } from 'preact/hooks';
import { ApiClient, ApiProblem } from '../api';
import { Page } from '../layout/page';
import type { Principal, Session } from '../session';
import { ProConnectSignIn, proConnectRefusal } from './proconnect-sign-in';

/** Why a token was refused, in words a person can act on. */
function tokenRefusal(problem: ApiProblem): string {
  if (problem.status === 401) return 'Ce jeton n’est pas reconnu par le service : vérifiez-le et collez-le en entier.';
  if (problem.status === 429)
    return `Trop d’essais refusés : ${problem.detail}. Patientez une minute avant de réessayer.`;
  return problem.message;
}

/** Why the session that was open ended: the service refused its token, or its ProConnect session expired. */
export type SessionEnd = 'token-refused' | 'expired';

interface SignInProps {
  readonly onSignedIn: (session: Session) => void;
  readonly ended: SessionEnd | undefined;
  /** Where to go once signed in (`suite`), a path of the workspace. */
  readonly next: string | undefined;
  /** Why a ProConnect sign-in came back refused (`erreur`), if it did. */
  readonly proConnectError: string | null;
}

function SessionEnded({ ended }: { readonly ended: SessionEnd | undefined }) {
  if (ended === undefined) return null;
  return (
    <div class="fr-alert fr-alert--warning fr-mb-3w" role="alert">
      <h2 class="fr-alert__title">{ended === 'expired' ? 'Votre session a expiré' : 'Session interrompue'}</h2>
      <p>
        {ended === 'expired'
          ? 'Identifiez-vous de nouveau pour continuer.'
          : 'Le service n’accepte plus votre jeton (il a peut-être été renouvelé) : collez-en un valide.'}
      </p>
    </div>
  );
}

export function SignIn({ onSignedIn, ended, next, proConnectError }: SignInProps) {
  const refusal = proConnectRefusal(proConnectError);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const pasted = token.trim();
    if (pasted === '') return setError('Collez un jeton d’API.');
    setChecking(true);
    try {
      const principal = await new ApiClient(pasted).get<Principal>('/session');
      onSignedIn({ token: pasted, principal });
    } catch (problem) {
      setError(problem instanceof ApiProblem ? tokenRefusal(problem) : String(problem));
      setChecking(false);
    }
  };

  return (
    <Page title="Connexion">
      <SessionEnded ended={ended} />
      {refusal !== undefined && (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <h2 class="fr-alert__title">Connexion avec ProConnect refusée</h2>
          <p>{refusal}</p>
        </div>
      )}
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <ProConnectSignIn next={next} />
          <p>
            Collez un jeton d’API du service : celui que l’exploitant vous a remis ou, sur une installation de
            développement, celui de votre rôle dans <code>data/dev-tokens.json</code>. Le jeton reste dans cet onglet :
            le fermer vous déconnecte.
          </p>
          <form onSubmit={submit} noValidate>
            <div class={`fr-input-group ${error === undefined ? '' : 'fr-input-group--error'}`}>
              <label class="fr-label" for="token">
                Jeton d’API
                <span class="fr-hint-text">la valeur après « Bearer », sans espaces</span>
              </label>
              <input
                class={`fr-input ${error === undefined ? '' : 'fr-input--error'}`}
                type="password"
                id="token"
                name="token"
                autocomplete="off"
                value={token}
                onInput={(event) => setToken(event.currentTarget.value)}
                aria-describedby={error === undefined ? undefined : 'token-error'}
                aria-invalid={error === undefined ? undefined : true}
              />
              {error !== undefined && (
                <p class="fr-error-text" id="token-error">
                  {error}
                </p>
              )}
            </div>
            <button class="fr-btn" type="submit" disabled={checking}>
              {checking ? 'Vérification…' : 'Se connecter'}
            </button>
          </form>
        </div>
      </div>
    </Page>
  );
}
