// A worker thread of the verifier: prepares the batches of lines the main thread sends, answering each in turn.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareLines, type PreparePlan } from './prepared-line';

const plan = workerData as PreparePlan;
parentPort?.on('message', ({ bytes, cut }: { readonly bytes: Uint8Array; readonly cut: boolean }) => {
  parentPort?.postMessage(
    prepareLines({ bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), cut }, plan),
  );
});
