// The workspace: who is signed in, which page the address names, and the DSFR frame (skip links, header, footer).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api';
import { SignedInContext } from './context';
import { Footer } from './layout/footer';
import { Header } from './layout/header';
import { NotFound, NotForRole } from './pages/not-found';
import { SignIn, type SessionEnd } from './pages/sign-in';
import { HOME, routeAt } from './routes';
import { followLink, hrefOf, navigate, usePlace, type Place } from './router';
import { ROLE_NAMES, storeSession, storedSession, type Principal, type Session } from './session';

const SIGN_IN = '/connexion';
const SIGN_OUT = '/deconnexion';
/** The query parameter of the sign-in page naming where to go once signed in. */
const NEXT = 'suite';

/**
 * The session cookie of a ProConnect sign-in, if the browser holds a live one: the service sent the browser back
 * signed in, and no script can read the cookie to know it.
 */
function useCookieSession(session: Session | undefined, signIn: (session: Session) => void): boolean {
  const [probing, setProbing] = useState(session === undefined);
  useEffect(() => {
    if (!probing) return;
    new ApiClient(undefined)
      .get<Principal>('/session')
      .then((principal) => signIn({ principal }))
      .catch(() => undefined)
      .finally(() => setProbing(false));
  }, []);
  return probing;
}

/** Where to send the browser instead of `place`, if anywhere: to sign in first, or past the sign-in once signed in. */
function redirection(place: Place, session: Session | undefined): string | undefined {
  if (place.path === SIGN_OUT) return SIGN_IN;
  if (session === undefined) {
    if (place.path === SIGN_IN) return undefined;
    const next = place.path === '/' ? undefined : `${place.path}${place.query.size > 0 ? `?${place.query}` : ''}`;
    return hrefOf(SIGN_IN, { [NEXT]: next });
  }
  if (place.path === '/') return HOME;
  if (place.path === SIGN_IN) return safeNext(place.query.get(NEXT)) ?? HOME;
  return undefined;
}

/** Only a path of this workspace: `suite=https://elsewhere` must not send a person off the site. */
function safeNext(next: string | null): string | undefined {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

function Content({ place, session }: { place: Place; session: Session }) {
  const found = routeAt(place.path);
  if (found === undefined) return <NotFound />;
  if (!found.route.roles.includes(session.principal.role))
    return <NotForRole role={ROLE_NAMES[session.principal.role]} />;
  return found.route.render(found.params, place.query);
}

export function Workspace() {
  const place = usePlace();
  const [session, setSession] = useState(storedSession);
  /** Why the API stopped accepting the session: its token rotated (or the service's data renewed), or it expired. */
  const [ended, setEnded] = useState<SessionEnd | undefined>();
  const signIn = (signedIn: Session | undefined) => {
    storeSession(signedIn);
    setSession(signedIn);
    if (signedIn !== undefined) setEnded(undefined);
  };
  const probing = useCookieSession(session, signIn);
  const api = useMemo(() => {
    if (session === undefined) return undefined;
    return new ApiClient(session.token, () => {
      setEnded(session.token === undefined ? 'expired' : 'token-refused');
      signIn(undefined);
    });
  }, [session]);

  useEffect(() => {
    document.addEventListener('click', followLink);
    return () => document.removeEventListener('click', followLink);
  }, []);
  useEffect(() => {
    if (probing) return;
    if (place.path === SIGN_OUT && session !== undefined) {
      if (session.token === undefined) void api?.signOut();
      signIn(undefined);
    }
    const target = redirection(place, place.path === SIGN_OUT ? undefined : session);
    if (target !== undefined) navigate(target, { replace: true });
  }, [place, session, probing]);

  const ready = !probing && redirection(place, session) === undefined;
  return (
    <>
      <div class="fr-skiplinks">
        <nav class="fr-container" role="navigation" aria-label="Accès rapide">
          <ul class="fr-skiplinks__list">
            <li>
              <a class="fr-link" href="#contenu">
                Contenu
              </a>
            </li>
            <li>
              <a class="fr-link" href="#footer">
                Pied de page
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <Header session={session} path={place.path} />
      <main id="contenu" role="main" class="fr-pt-2w">
        {ready && session === undefined && (
          <SignIn
            onSignedIn={signIn}
            ended={ended}
            next={safeNext(place.query.get(NEXT))}
            proConnectError={place.query.get('erreur')}
          />
        )}
        {ready && session !== undefined && api !== undefined && (
          <SignedInContext.Provider value={{ session, api }}>
            <Content place={place} session={session} />
          </SignedInContext.Provider>
        )}
      </main>
      <Footer />
    </>
  );
}
