import type { Context, Middleware } from "grammy";

/**
 * Counts the updates being handled, so a shutdown can wait for them: the runner's `stop()` only stops
 * fetching, while the updates it already handed out keep running (and a dialogue saves its state at the end).
 */
export function trackInFlight<C extends Context>() {
  let count = 0;
  let waiters: (() => void)[] = [];
  const middleware: Middleware<C> = async (_ctx, next) => {
    count += 1;
    try {
      await next();
    } finally {
      count -= 1;
      if (count === 0) {
        const done = waiters;
        waiters = [];
        done.forEach((resolve) => resolve());
      }
    }
  };
  return {
    middleware,
    /** Resolves when no update is being handled. */
    idle(): Promise<void> {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
