// What a failed Bot API call means for the message: wait, give up, mark the person unreachable, or retry.
import { GrammyError, HttpError } from "grammy";
import type { Reachability } from "../db/schema.js";
import { isGroupChat } from "./rate-limit.js";

export type Failure =
  /** 429: not a failure of the message; everything waits `retryAfterMs`, then it goes again. */
  | { kind: "rate_limited"; retryAfterMs: number; reason: string }
  /** 403 (or "chat not found") in a private chat: the person cannot be written to until they open the bot. */
  | { kind: "unreachable"; reachability: Extract<Reachability, "blocked" | "never_started">; reason: string }
  /** Any other 4xx: retrying the same request gives the same answer. */
  | { kind: "rejected"; reason: string }
  /** Network trouble or a 5xx: worth another try later. */
  | { kind: "transient"; reason: string };

const MAX_REASON = 300;

export function classifyFailure(err: unknown, chatId: number): Failure {
  if (err instanceof GrammyError) {
    const reason = `${err.error_code} ${err.description}`.slice(0, MAX_REASON);
    const description = err.description.toLowerCase();
    if (err.error_code === 429) {
      const seconds = err.parameters?.retry_after ?? 1;
      return { kind: "rate_limited", retryAfterMs: Math.max(1, seconds) * 1000, reason };
    }
    if (err.error_code >= 500) return { kind: "transient", reason };
    if (!isGroupChat(chatId)) {
      if (err.error_code === 403) {
        const never = description.includes("can't initiate") || description.includes("cannot initiate");
        return { kind: "unreachable", reachability: never ? "never_started" : "blocked", reason };
      }
      // The Bot API says this for a user who never opened the bot, too.
      if (err.error_code === 400 && description.includes("chat not found")) {
        return { kind: "unreachable", reachability: "never_started", reason };
      }
    }
    return { kind: "rejected", reason };
  }
  if (err instanceof HttpError) return { kind: "transient", reason: `network: ${err.message}`.slice(0, MAX_REASON) };
  return { kind: "transient", reason: String(err instanceof Error ? err.message : err).slice(0, MAX_REASON) };
}

/** Wait before the n-th retry of a transient failure (n = attempts so far, from 1): 5 s, 10 s, 20 s... up to 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 5000 * 2 ** Math.max(0, attempts - 1));
}
