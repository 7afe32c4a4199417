import type { Clock } from "../../src/platform/clock.js";

/** Where every harness clock starts unless a test says otherwise: a Monday morning in Moscow. */
export const DEFAULT_START = "2026-11-23T09:00:00+03:00";

/** When seeded rows say they were written, if a test does not say: the harness clock's start, never the machine's time. */
export const SEED_TIME_MS = Date.parse(DEFAULT_START);

/** A clock that moves only when the test says so. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = DEFAULT_START) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 24 * 60 * 60 * 1000);
  }
}
