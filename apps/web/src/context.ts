// What every page of a signed-in workspace reaches: the session and its API client.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api';
import type { Session } from './session';

export interface SignedIn {
  readonly session: Session;
  readonly api: ApiClient;
}

export const SignedInContext = createContext<SignedIn | undefined>(undefined);

/** The signed-in session and client; pages are only rendered signed in (workspace.tsx). */
export function useSignedIn(): SignedIn {
  const signedIn = useContext(SignedInContext);
  if (signedIn === undefined) throw new Error('a page of the workspace rendered without a session');
  return signedIn;
}
