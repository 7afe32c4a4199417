import type { Clock } from "../../src/domain/clock.js";

/** A clock that moves only when the test says so. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = "2026-11-23T09:00:00+03:00") {
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
