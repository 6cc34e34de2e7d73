import { SingleBar } from 'cli-progress';

/** Progress of long work: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

const LINE_EVERY_MS = 5000;

export function startProgress(
  label: string,
  unit: string,
  total = 0,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`,
      stream,
      etaBuffer: 50,
      hideCursor: true,
    });
    const started = Date.now();
    bar.start(Math.max(total, 1), 0, { speed: '0' });
    return {
      update: (done, newTotal) => {
        if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
        bar.update(done, { speed: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)).toString() });
      },
      stop: () => bar.stop(),
    };
  }
  // The first line waits as long as the others: work shorter than that prints its final line alone, not twice.
  const started = Date.now();
  let last = started;
  let latest = 0;
  let printed: number | undefined;
  const line = (done: number, of: number): void => {
    printed = done;
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(done / seconds);
    const eta = of > done && rate > 0 ? `, ETA ${Math.ceil((of - done) / rate)} s` : '';
    stream.write(`${label}: ${done}${of > 0 ? `/${of}` : ''} ${unit} (${rate} ${unit}/s${eta})\n`);
  };
  return {
    update: (done, newTotal) => {
      if (newTotal !== undefined) total = newTotal;
      latest = done;
      if (Date.now() - last >= LINE_EVERY_MS) {
        last = Date.now();
        line(done, total);
      }
    },
    stop: () => {
      if (printed !== latest) line(latest, total);
    },
  };
}
