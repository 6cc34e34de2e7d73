// « Vérifier maintenant »: the live verification of the audit trail (chains, seals, checkpoints), its result in words.
import type { AuditReport } from '../../../../libs/audit/src/live/audit-report';
import { checkedInWords, problemInWords, problemName } from '../audit-in-words';
import { useState } from 'preact/hooks';
import { asProblem, type ApiProblem } from '../api';
import { ProblemAlert } from '../components/problem-alert';
import { useSignedIn } from '../context';

type Verification =
  | { readonly state: 'idle' | 'running' }
  | { readonly state: 'done'; readonly report: AuditReport }
  | { readonly state: 'failed'; readonly problem: ApiProblem };

function Result({ report }: { report: AuditReport }) {
  if (report.problem === null)
    return (
      <div class="fr-alert fr-alert--success" id="verification-result">
        <h3 class="fr-alert__title">Journal intègre : aucune anomalie</h3>
        <p>{checkedInWords(report)}</p>
      </div>
    );
  return (
    <div class="fr-alert fr-alert--error" id="verification-result">
      <h3 class="fr-alert__title">Anomalie détectée : {problemName(report.problem)}</h3>
      <p>{problemInWords(report.problem)}</p>
      <p>{checkedInWords(report)}</p>
    </div>
  );
}

export function VerifySection() {
  const { api } = useSignedIn();
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });
  const verify = async () => {
    setVerification({ state: 'running' });
    try {
      setVerification({ state: 'done', report: await api.get<AuditReport>('/audit/verify') });
    } catch (error) {
      setVerification({ state: 'failed', problem: asProblem(error) });
    }
  };
  return (
    <section class="fr-mb-6w" aria-labelledby="verify-title">
      <h2 id="verify-title">Vérification du journal</h2>
      <p>
        Recalcule sur le journal en service les chaînes de hachage, la racine de Merkle et la signature de chaque sceau,
        et la concordance avec les points de contrôle signés.
      </p>
      <button
        type="button"
        class="fr-btn fr-btn--icon-left fr-icon-shield-line fr-mb-2w"
        disabled={verification.state === 'running'}
        onClick={() => void verify()}
      >
        Vérifier maintenant
      </button>
      <div role="status">
        {verification.state === 'running' && <p>Vérification en cours : recalcul du journal entier…</p>}
        {verification.state === 'done' && <Result report={verification.report} />}
      </div>
      {verification.state === 'failed' && (
        <ProblemAlert problem={verification.problem} context="La vérification n’a pas pu être faite" />
      )}
    </section>
  );
}
