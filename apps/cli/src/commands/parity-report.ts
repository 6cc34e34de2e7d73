import type { Parity } from '@portfolio/read-models';

/** What `portfolio rebuild` says of the comparison between the read models it built and the live ones. */
export function parityReport(parity: Parity): string {
  if (parity.equal) {
    return (
      `parity at position ${parity.position}: the rebuilt read models equal the live ones ` +
      `(${parity.documents} documents, digest ${parity.digest})\n`
    );
  }
  const { position, differences, liveDigest, rebuiltDigest, firstDifference } = parity;
  const row = (value: unknown) => (value === null ? 'none' : JSON.stringify(value));
  return (
    `parity at position ${position}: ${differences} document${differences === 1 ? ' differs' : 's differ'} between ` +
    `the live and the rebuilt read models (live digest ${liveDigest}, rebuilt digest ${rebuiltDigest})\n` +
    `  first difference: ${firstDifference.document}\n` +
    `    live:    ${row(firstDifference.live)}\n` +
    `    rebuilt: ${row(firstDifference.rebuilt)}\n`
  );
}
