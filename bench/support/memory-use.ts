/** What a piece of work costs in memory: bytes it allocated on the JS heap, and the process's peak RSS meanwhile. */
import { GCProfiler, getHeapStatistics } from 'node:v8';

export interface MemoryUse {
  /** Bytes allocated on the V8 heap while the work ran (Buffers and native memory such as SQLite's not included). */
  readonly allocatedBytes: number;
  /** The highest resident set size of the process sampled while the work ran. */
  readonly peakRssBytes: number;
}

const RSS_SAMPLE_MS = 5;

/**
 * Node exposes no running total of allocated bytes, so it is reconstructed from the garbage collector's own records
 * (v8.GCProfiler): every byte the heap holds either was there at the start, was allocated since and is still held at
 * the end, or was allocated and then freed by a collection. So allocated = used at the end − used at the start + the
 * sum over collections of (used before − used after). It counts what the work and everything it awaits allocate,
 * which in a scenario process doing one thing is the work's own; a sampled RSS peak can miss a spike shorter than
 * the sampling interval, the heap's share of which the allocation figure still counts.
 */
export async function measureMemory<T>(work: () => Promise<T>): Promise<{ result: T; memory: MemoryUse }> {
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())), RSS_SAMPLE_MS);
  const profiler = new GCProfiler();
  const usedAtStart = getHeapStatistics().used_heap_size;
  profiler.start();
  try {
    const result = await work();
    const usedAtEnd = getHeapStatistics().used_heap_size;
    const freed = profiler
      .stop()
      .statistics.reduce(
        (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
        0,
      );
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    return { result, memory: { allocatedBytes: usedAtEnd - usedAtStart + freed, peakRssBytes } };
  } finally {
    clearInterval(sampler);
  }
}
