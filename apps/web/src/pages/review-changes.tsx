// « Ce qui a changé depuis le comité précédent »: the named diff from the previous committee's portfolio, in words.
import type { NamedChanges } from '../../../../libs/read-models/src/diff/named-changes';
import type { ReviewCycleReport } from '../../../../libs/read-models/src/queries/review-cycle-report';
import { changesInWords } from '../changes-in-words';
import { HealthBadge } from '../components/health-badge';
import { Loading, ProblemAlert } from '../components/problem-alert';
import { frenchDate } from '../french';
import { useResource } from '../resource';
import type { TimeView } from '../time-view';
import { reviewHref } from './reviews';

function ChangeList({ changes }: { changes: NamedChanges }) {
  const sections = changesInWords(changes);
  if (sections.length === 0) return <p>Rien n’a changé entre les deux comités.</p>;
  return (
    <>
      {sections.map((section) => (
        <section key={section.title} class="fr-mb-3w">
          <h3 class="fr-h5">{section.title}</h3>
          <ul>
            {section.lines.map((line, index) => (
              // Two changes may read alike (two milestones of one title): their place tells them apart.
              <li key={index}>
                {line.health !== undefined && (
                  <span class="fr-mr-1w">
                    <HealthBadge health={line.health.from} /> → <HealthBadge health={line.health.to} />
                  </span>
                )}
                {line.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function SincePrevious({ cycleId, previous, view }: { cycleId: string; previous: string; view: TimeView }) {
  const diff = useResource<NamedChanges>(`/review-cycles/${encodeURIComponent(cycleId)}/diff`, {
    ...view,
    against: previous,
  });
  if (diff.state === 'loading') return <Loading what="des changements" />;
  if (diff.state === 'failed')
    return <ProblemAlert problem={diff.problem} context="Les changements n’ont pas pu être lus" />;
  return <ChangeList changes={diff.value} />;
}

export function ChangesSection({ report, view }: { report: ReviewCycleReport; view: TimeView }) {
  const previous = report.previousCycle;
  return (
    <section class="fr-mb-6w" aria-labelledby="changes-title">
      <h2 id="changes-title">Ce qui a changé depuis le comité précédent</h2>
      {previous === null ? (
        <>
          <p>Premier comité tenu : tout ce qu’il a vu était nouveau.</p>
          <ChangeList changes={report.changes} />
        </>
      ) : (
        <>
          <p>
            Depuis le <a href={reviewHref(previous.cycleId, view)}>comité du {frenchDate(previous.heldOn)}</a>, chacun
            tel qu’il a vu le portefeuille :
          </p>
          <SincePrevious cycleId={report.cycleId} previous={previous.cycleId} view={view} />
        </>
      )}
    </section>
  );
}
