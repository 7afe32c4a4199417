/**
 * Work in steps: a long job (a 50,000-client apply, its follow-up) is a generator that yields between its
 * transactions. A tap runs it with the event loop free at every yield, so other people's taps are answered
 * meanwhile; tests, the bench and the scheduler's catch-up run the same steps straight through.
 */

/** A job in steps: each `yield` is a point where the event loop may run something else. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end without pausing (inside the caller's transaction, if it opened one). */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps to the end, pausing at every yield. */
export async function drainAsync<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/** One turn of the event loop: timers and I/O (other updates) run before the next step. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Distributions a tap of this process is applying or following up right now: the scheduler's sweep, which
 * finishes what a crash interrupted, leaves them alone.
 */
export const distributionsInFlight = new Set<number>();
