// The workspace's pages: the paths they answer, the roles whose API operations they use, and the menu's entries.
import type { VNode } from 'preact';
import { AUDITORS } from './checkpoint';
import { Audit } from './pages/audit';
import { Entry } from './pages/entry';
import { Portfolio } from './pages/portfolio';
import { Project } from './pages/project';
import { Review } from './pages/review';
import { Reviews } from './pages/reviews';
import type { Role } from './session';

export interface Route {
  /** The path, its parameters captured (decoded before the page gets them). */
  readonly path: RegExp;
  /** The roles the API lets use what the page shows or records (the operations' `x-roles`). */
  readonly roles: readonly Role[];
  /** Its entry in the menu, if it has one. */
  readonly menu?: { readonly href: string; readonly label: string };
  readonly render: (params: readonly string[], query: URLSearchParams) => VNode;
}

const READERS: readonly Role[] = ['reviewer', 'auditor', 'programme-office', 'admin'];

/** In the menu's order. */
export const ROUTES: readonly Route[] = [
  {
    path: /^\/portefeuille\/?$/,
    roles: READERS,
    menu: { href: '/portefeuille', label: 'Portefeuille' },
    render: (_, query) => <Portfolio query={query} />,
  },
  {
    path: /^\/projets\/([^/]+)\/?$/,
    roles: READERS,
    render: ([projectId], query) => <Project projectId={projectId} query={query} />,
  },
  {
    path: /^\/revues\/?$/,
    roles: READERS,
    menu: { href: '/revues', label: 'Revues' },
    render: (_, query) => <Reviews query={query} />,
  },
  {
    path: /^\/revues\/([^/]+)\/?$/,
    roles: READERS,
    render: ([cycleId], query) => <Review cycleId={cycleId} query={query} />,
  },
  {
    path: /^\/audit\/?$/,
    roles: AUDITORS,
    menu: { href: '/audit', label: 'Audit' },
    render: () => <Audit />,
  },
  {
    path: /^\/saisie\/?$/,
    roles: ['programme-office', 'admin'],
    menu: { href: '/saisie', label: 'Saisie' },
    render: (_, query) => <Entry query={query} />,
  },
];

/** Where a signed-in person lands. */
export const HOME = '/portefeuille';

/** The route of a path and its decoded parameters. */
export function routeAt(path: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    const match = route.path.exec(path);
    if (match !== null) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

/** The menu a role sees: only the pages it may use. */
export function menuFor(role: Role): readonly NonNullable<Route['menu']>[] {
  return ROUTES.flatMap((route) => (route.menu !== undefined && route.roles.includes(role) ? [route.menu] : []));
}
