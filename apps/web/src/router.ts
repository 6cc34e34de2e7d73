// The workspace's routes live in the browser's address: the path names the page, the query its state (shareable).
import { useEffect, useState } from 'preact/hooks';

/** Where the browser is: the path and its query. */
export interface Place {
  readonly path: string;
  readonly query: URLSearchParams;
}

const here = (): Place => ({ path: location.pathname, query: new URLSearchParams(location.search) });
const listeners = new Set<() => void>();

/** Goes to `href` in the workspace without reloading the page; `replace` keeps the browser's history as it was. */
export function navigate(href: string, { replace = false } = {}): void {
  if (href === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  for (const listener of listeners) listener();
}

/** A path with its query parameters, those without a value left out. */
export function hrefOf(path: string, query: Readonly<Record<string, string | undefined>> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, value);
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The current place, updated on navigate() and on the browser's back and forward buttons. */
export function usePlace(): Place {
  const [place, setPlace] = useState(here);
  useEffect(() => {
    const update = () => setPlace(here());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return place;
}

/**
 * A click on a link of the workspace navigates in place; a click meant for a new tab or window (a modifier key, the
 * middle button) is left to the browser.
 */
export function followLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest('a');
  if (link === null || link === undefined || link.target !== '' || link.origin !== location.origin) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (link.hasAttribute('download') || link.pathname.startsWith('/api/') || link.pathname.startsWith('/docs')) return;
  // An anchor of this page (the skip links): the browser scrolls and moves the focus.
  if (link.hash !== '' && link.pathname === location.pathname) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
}
