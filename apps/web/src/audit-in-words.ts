// The live verification's report in French: what was recomputed, and the first problem found.
import type { AuditProblem, AuditReport } from '../../../libs/audit/src/live/audit-report';
import { frenchInstant, plural } from './french';

/** « 2615 événements dans 85 flux, 4 sceaux, 1 point de contrôle, jusqu’à la position 2615, vérifiés le … ». */
export function checkedInWords(report: AuditReport): string {
  const checkpoints =
    report.checkpointsChecked === undefined ? '' : `, ${plural(report.checkpointsChecked, 'point de contrôle')}`;
  return (
    `${plural(report.eventsChecked, 'événement')} dans ${plural(report.streamsChecked, 'flux', 'flux')}, ` +
    `${plural(report.sealsChecked, 'sceau', 'sceaux')}${checkpoints}, jusqu’à la position ${report.head}, ` +
    `vérifiés le ${frenchInstant(report.checkedAt)}.`
  );
}

const PROBLEM_NAMES: Readonly<Record<AuditProblem['code'], string>> = {
  chain_broken: 'chaîne de hachage rompue',
  merkle_mismatch: 'racine de Merkle d’un sceau différente',
  bad_signature: 'signature d’un sceau invalide',
  inconsistent_seals: 'sceaux incohérents entre eux',
  log_truncated: 'journal plus court qu’un point de contrôle signé',
  checkpoint_mismatch: 'journal différent d’un point de contrôle signé',
};

/** The kind of problem, in French. */
export function problemName(problem: AuditProblem): string {
  return PROBLEM_NAMES[problem.code];
}

/** Where the problem is (its position, the seal or checkpoint concerned) and what it is, as the verifier says it. */
export function problemInWords(problem: AuditProblem): string {
  const seal = problem.cycleId === undefined ? '' : `, sceau du comité ${problem.cycleId}`;
  const checkpoint = problem.treeSize === undefined ? '' : `, point de contrôle de ${problem.treeSize} événements`;
  return `À la position ${problem.position}${seal}${checkpoint} (détail technique : ${problem.message}).`;
}
