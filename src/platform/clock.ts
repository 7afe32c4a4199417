/** Where "now" comes from: the real clock in production, a hand-moved one in tests. */
export interface Clock {
  now(): Date;
}

// The only reads of the machine's time in src/ (a test fails on any other).
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then runs at the real pace: a process-level test pins the program's day with it. */
export function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The program's clock: the system's, unless a test pinned the start (TEST_CLOCK_START, never in production). */
export function clockFor(config: { clockStart?: Date }): Clock {
  return config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
}

/** Milliseconds on a monotonic clock: for measuring how long something took or pacing logs, never a date. */
export function monotonicMs(): number {
  return performance.now();
}
