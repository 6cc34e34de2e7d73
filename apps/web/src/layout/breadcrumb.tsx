// The DSFR breadcrumb: where the page is in the workspace, its last step the page itself.

export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

export function Breadcrumb({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
      <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">
        Voir le fil d’Ariane
      </button>
      <div class="fr-collapse" id="breadcrumb">
        <ol class="fr-breadcrumb__list">
          {trail.map((crumb, index) => (
            <li key={crumb.label}>
              {index === trail.length - 1 ? (
                <a class="fr-breadcrumb__link" aria-current="page">
                  {crumb.label}
                </a>
              ) : (
                <a class="fr-breadcrumb__link" href={crumb.href}>
                  {crumb.label}
                </a>
              )}
            </li>
          ))}
        </ol>
      </div>
    </nav>
  );
}
