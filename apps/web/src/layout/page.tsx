// A page of the workspace: its title in the browser's tab, its breadcrumb, and its heading, which takes the focus
// when the page is reached so that a screen reader announces it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Breadcrumb, type Crumb } from './breadcrumb';

interface PageProps {
  readonly title: string;
  /** The steps before this page (Accueil comes first). */
  readonly trail?: readonly Crumb[];
  readonly children: ComponentChildren;
}

/** The page the browser opened is announced as it loads: only the pages reached afterwards move the focus. */
let reachedInPlace = false;

export function Page({ title, trail = [], children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} - Portefeuille Tech.gouv`;
    if (reachedInPlace) heading.current?.focus();
    reachedInPlace = true;
  }, [title]);
  return (
    <div class="fr-container fr-mb-6w">
      <Breadcrumb trail={[{ label: 'Accueil', href: '/' }, ...trail, { label: title }]} />
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
