// The portfolio's totals in one callout: projects, their health in words, milestones reached and late.
import type { PortfolioTotals } from '../../../../libs/read-models/src/views/documents';
import { plural } from '../french';

export function Totals({ totals }: { totals: PortfolioTotals }) {
  const { health, milestones } = totals;
  return (
    <div class="fr-callout fr-mb-4w">
      <h2 class="fr-callout__title">En bref</h2>
      <ul class="fr-callout__text fr-text--md">
        <li>
          {plural(totals.projects, 'projet')} dans {plural(totals.missions, 'mission')} : {totals.active} en cours,{' '}
          {plural(totals.closed, 'clôturé')}
        </li>
        <li>
          Santé : {plural(health.green, 'vert')}, {health.amber} orange, {plural(health.red, 'rouge')}
        </li>
        <li>
          Jalons : {milestones.reached} atteints sur {milestones.total} (dont {milestones.reachedLate} en retard),{' '}
          {milestones.overdue} en retard non atteints
        </li>
      </ul>
    </div>
  );
}
