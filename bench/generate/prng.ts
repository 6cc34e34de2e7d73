/**
 * Mulberry32: a tiny seeded generator. The benchmarks need the same portfolio on every machine and every run, not
 * cryptographic quality.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** A deterministic RFC 4122 version-4 UUID (event ids must be UUIDs). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.below(16).toString(16));
    hex[12] = '4';
    hex[16] = ((this.below(4) + 8) as number).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /**
   * A deterministic RFC 9562 version-7 UUID for the instant `ms` and the `sequence`-th id of that millisecond: the
   * time-ordered event ids the product makes (newEventId).
   */
  uuidV7(ms: number, sequence: number): string {
    const time = ms.toString(16).padStart(12, '0');
    const counter = (0x7000 | (sequence & 0xfff)).toString(16);
    const rest = this.uuid().slice(19);
    return `${time.slice(0, 8)}-${time.slice(8)}-${counter}-${rest}`;
  }
}
