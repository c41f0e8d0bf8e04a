// Seeded pseudo-random numbers for the bench generator: the same seed always builds the same
// investigation, so numbers from two runs (or two machines) compare like with like.
import { sortableUid } from '../db/rows';

/** sfc32: small, fast, and good enough for synthetic data (not for anything secret). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Index in [0, n) with a power-law skew: small indexes are drawn far more often. */
  skewed(n: number, exponent: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), exponent)));
  }

  private uidClock = Date.UTC(2024, 4, 2);

  /** A uid as db/rows.ts newUid makes them (time-ordered), one ms apart, with seeded random bits. */
  uid(): string {
    const bytes = Buffer.alloc(12);
    for (let i = 0; i < 12; i += 4) bytes.writeUInt32LE(Math.floor(this.next() * 4294967296) >>> 0, i);
    return sortableUid(this.uidClock++, bytes);
  }
}
