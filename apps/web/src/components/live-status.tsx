// Whether a page follows the changes as they are recorded, and when it last changed: a polite live region, so that a
// screen reader says it without interrupting.
import type { LiveUpdates } from '../live-updates';

const TIME = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

function said({ state, updatedAt }: LiveUpdates): string {
  if (state === 'reconnecting') return 'Connexion au direct perdue : nouvel essai en cours…';
  if (state === 'refused') return 'Le suivi en direct a été refusé : rechargez la page pour voir les changements.';
  if (updatedAt !== undefined) return `Mis à jour à ${TIME.format(updatedAt)}.`;
  if (state === 'connected') return 'Suivi en direct : la page se met à jour à chaque enregistrement.';
  return '';
}

export function LiveStatus({ live }: { live: LiveUpdates }) {
  return (
    <p class="fr-text--sm fr-mb-2w" role="status" aria-live="polite" id="live-status">
      {live.state === 'off' ? '' : said(live)}
    </p>
  );
}
