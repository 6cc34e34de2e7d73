// A worker thread of the verifier: prepares the batches of lines the main thread sends, answering each in turn.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareLines, type PreparePlan } from './prepared-line';

const plan = workerData as PreparePlan;
parentPort?.on('message', ({ bytes, cut }: { readonly bytes: Uint8Array; readonly cut: boolean }) => {
  const prepared = prepareLines({ bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), cut }, plan);
  // The buffers of CSV rows and leaf hashes are handed over, not copied: they are this batch's alone.
  const own = [prepared.csvRows, prepared.leafHashes].flatMap((bytes) => (bytes === undefined ? [] : [bytes.buffer]));
  parentPort?.postMessage(prepared, own as ArrayBuffer[]);
});
