// Long polling with grammY's runner: per-chat sequencing is in the bot; here, how polling starts, what it
// says when it cannot go on, and how it stops.
import { run } from "@grammyjs/runner";
import { GrammyError, type Transformer } from "grammy";
import { monotonicMs } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import { networkReason } from "./check-bot-api.js";
import type { HandoverBot } from "../index.js";

export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
const RETRY_MS = 5_000;
const LOG_EVERY_MS = 60_000;

export interface UpdateSource {
  stop(): Promise<void>;
}

/**
 * Starts polling. A lost network is retried every 5 s for as long as it takes, logged once a minute;
 * `onFatal` hears of what retrying cannot mend (another instance polling with the same token: 409).
 */
export async function startPolling(bot: HandoverBot, logger: Logger, apiRoot: string, onFatal: (line: string) => void): Promise<UpdateSource> {
  bot.api.config.use(watchPolling(logger, apiRoot));
  // A webhook left from an earlier run in webhook mode would make every getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: RETRY_MS, maxRetryTime: Number.POSITIVE_INFINITY },
  });
  runner.task()?.catch((err: unknown) => {
    if (err instanceof GrammyError && err.error_code === 409) {
      onFatal(`Another instance of this bot is receiving its updates (409 Conflict: ${err.description}). Stop it, or give this one another token.`);
    } else {
      onFatal(`Polling stopped: ${err instanceof GrammyError ? `${err.error_code} ${err.description}` : networkReason(err)}.`);
    }
  });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

/** Logs a failing getUpdates once a minute (not at every retry, not silently) and when it works again. */
export function watchPolling(logger: Pick<Logger, "warn">, apiRoot: string, now: () => number = monotonicMs): Transformer {
  let failingSince: number | null = null;
  let loggedAt = Number.NEGATIVE_INFINITY;
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      if (failingSince !== null && result.ok) {
        logger.warn({ downForMs: Math.round(now() - failingSince) }, `the Bot API at ${apiRoot} answers again`);
        failingSince = null;
      }
      return result;
    } catch (err) {
      if (signal?.aborted) throw err;
      const at = now();
      failingSince ??= at;
      if (at - loggedAt >= LOG_EVERY_MS) {
        loggedAt = at;
        logger.warn({ reason: networkReason(err) }, `cannot reach the Bot API at ${apiRoot}; retrying every ${RETRY_MS / 1000} s`);
      }
      throw err;
    }
  };
}
