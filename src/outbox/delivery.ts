// Sends one claimed message and records what happened (see failures.ts for what a failure means). What
// the capabilities decide about a delivery comes in as hooks (wired in src/background.ts): the outbox
// knows no capability.
import { and, eq, lte, sql } from "drizzle-orm";
import type { Api } from "grammy";
import type { Db } from "../db/client.js";
import { notifications, type Reachability } from "../db/schema.js";
import type { Clock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";
import { backoffMs, classifyFailure, type Failure } from "./failures.js";
import { failWaiting } from "./outbox.js";
import { plainApi, send, type Notification } from "./send.js";

/** A private chat the Bot API refused (403 or "chat not found"). */
export interface UnreachableChat {
  chatId: number;
  memberId: number | null;
  reachability: Extract<Reachability, "blocked" | "never_started">;
  reason: string;
  now: Date;
}

export interface DeliveryHooks {
  /** Why this message must not go out now (it is dropped with that reason), or null to send it. */
  dropReason?(n: Pick<Notification, "memberId" | "kind">, now: Date): string | null;
  /**
   * The chat cannot be written to: fail its waiting messages (outbox.failWaiting) and do what else follows
   * (mark the person, tell the leads), in one transaction. Without the hook, only the messages fail.
   */
  unreachable?(chat: UnreachableChat): { failed: number; reported: boolean } | Promise<{ failed: number; reported: boolean }>;
}

export interface SenderDeps {
  db: Db;
  api: Api;
  clock: Clock;
  logger: Logger;
  hooks?: DeliveryHooks;
}

export type Outcome = "sent" | "rate_limited" | "unreachable" | "failed" | "retry" | "skipped" | "dropped";

export interface SenderStats {
  sent: number;
  failed: number;
  retried: number;
  rateLimited: number;
  unreachable: number;
}

/** The two writes every message makes, prepared once per database (they run hundreds of times a second). */
function hotStatements(db: Db) {
  return {
    claim: db
      .update(notifications)
      .set({ notBefore: sql`${sql.placeholder("until")}` })
      .where(and(eq(notifications.id, sql.placeholder("id")), eq(notifications.status, "pending"), lte(notifications.notBefore, sql.placeholder("now"))))
      .prepare(),
    sent: db
      .update(notifications)
      .set({ status: "sent", sentAt: sql`${sql.placeholder("at")}`, attempts: sql`${notifications.attempts} + 1`, lastError: null })
      .where(eq(notifications.id, sql.placeholder("id")))
      .prepare(),
  };
}
const statements = new WeakMap<Db, ReturnType<typeof hotStatements>>();
function hot(db: Db): ReturnType<typeof hotStatements> {
  let s = statements.get(db);
  if (!s) {
    s = hotStatements(db);
    statements.set(db, s);
  }
  return s;
}

/** Sends one message and records the outcome. */
export class Delivery {
  private readonly api: Api;
  private readonly hooks: DeliveryHooks;
  readonly stats: SenderStats = { sent: 0, failed: 0, retried: 0, rateLimited: 0, unreachable: 0 };

  constructor(
    private readonly deps: SenderDeps,
    private readonly maxAttempts: number,
    private readonly leaseMs: number,
  ) {
    this.api = plainApi(deps.api);
    this.hooks = deps.hooks ?? {};
  }

  /** Reserves the message for this call; false when it is no longer due (sent, failed, or claimed elsewhere). */
  claim(n: Notification, now: number): boolean {
    return hot(this.deps.db).claim.run({ id: n.id, now, until: now + this.leaseMs }).changes > 0;
  }

  async deliver(n: Notification, alreadyClaimed = false): Promise<{ outcome: Outcome; retryAfterMs: number }> {
    if (!alreadyClaimed && !this.claim(n, this.deps.clock.now().getTime())) return { outcome: "skipped", retryAfterMs: 0 };
    // A message its recipient may no longer get (a leaver, see the hooks) is dropped, not sent.
    const dropped = this.hooks.dropReason?.(n, this.deps.clock.now()) ?? null;
    if (dropped !== null) {
      this.deps.db.update(notifications).set({ status: "dropped", lastError: dropped }).where(eq(notifications.id, n.id)).run();
      return { outcome: "dropped", retryAfterMs: 0 };
    }
    try {
      await send(this.api, n);
    } catch (err) {
      return this.failed(n, classifyFailure(err, n.chatId));
    }
    // Recorded at once: after a crash from here on, this message is not sent again.
    hot(this.deps.db).sent.run({ id: n.id, at: this.deps.clock.now().getTime() });
    this.stats.sent += 1;
    return { outcome: "sent", retryAfterMs: 0 };
  }

  private async failed(n: Notification, failure: Failure): Promise<{ outcome: Outcome; retryAfterMs: number }> {
    const { db, clock, logger } = this.deps;
    const now = clock.now().getTime();
    const log = { notificationId: n.id, kind: n.kind, reason: failure.reason };
    switch (failure.kind) {
      case "rate_limited":
        db.update(notifications).set({ notBefore: now + failure.retryAfterMs, lastError: failure.reason }).where(eq(notifications.id, n.id)).run();
        this.stats.rateLimited += 1;
        logger.warn({ ...log, retryAfterMs: failure.retryAfterMs }, "rate limited by Telegram; waiting");
        return { outcome: "rate_limited", retryAfterMs: failure.retryAfterMs };
      case "unreachable": {
        const input = { chatId: n.chatId, memberId: n.memberId, reachability: failure.reachability, reason: failure.reason, now: new Date(now) };
        const report = this.hooks.unreachable ? await this.hooks.unreachable(input) : { failed: failWaiting(db, n.chatId, failure.reason), reported: false };
        // The message itself is among the failed (it was still pending under its lease).
        this.stats.unreachable += 1;
        this.stats.failed += report.failed;
        logger.info({ ...log, alsoFailed: report.failed - 1, leadsTold: report.reported }, "recipient unreachable");
        return { outcome: "unreachable", retryAfterMs: 0 };
      }
      case "rejected":
        db.update(notifications).set({ status: "failed", lastError: failure.reason, attempts: n.attempts + 1 }).where(eq(notifications.id, n.id)).run();
        this.stats.failed += 1;
        logger.warn(log, "notification refused by Telegram; not retried");
        return { outcome: "failed", retryAfterMs: 0 };
      case "transient": {
        const attempts = n.attempts + 1;
        if (attempts >= this.maxAttempts) {
          db.update(notifications).set({ status: "failed", lastError: `gave up after ${attempts} attempts: ${failure.reason}`, attempts }).where(eq(notifications.id, n.id)).run();
          this.stats.failed += 1;
          logger.error({ ...log, attempts }, "notification failed; giving up");
          return { outcome: "failed", retryAfterMs: 0 };
        }
        db.update(notifications).set({ attempts, notBefore: now + backoffMs(attempts), lastError: failure.reason }).where(eq(notifications.id, n.id)).run();
        this.stats.retried += 1;
        logger.warn({ ...log, attempts }, "notification not sent; will retry");
        return { outcome: "retry", retryAfterMs: 0 };
      }
    }
  }
}
