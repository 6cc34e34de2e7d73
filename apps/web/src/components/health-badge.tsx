// A project's health in words and colour (never colour alone): a DSFR status badge, with its icon. A <span>, not the
// DSFR examples' <p>, as it also sits inside sentences and table cells.

export type Health = 'green' | 'amber' | 'red';

const BADGES: Readonly<Record<Health, { readonly className: string; readonly words: string }>> = {
  green: { className: 'fr-badge--success', words: 'Vert : en bonne voie' },
  amber: { className: 'fr-badge--warning', words: 'Orange : à surveiller' },
  red: { className: 'fr-badge--error', words: 'Rouge : en difficulté' },
};

export function HealthBadge({ health }: { health: Health | null }) {
  if (health === null) return <span class="fr-badge fr-badge--sm">Clôturé</span>;
  const { className, words } = BADGES[health];
  return <span class={`fr-badge fr-badge--sm ${className}`}>{words}</span>;
}
