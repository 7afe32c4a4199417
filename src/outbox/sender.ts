// Delivers the outbox. Every message is claimed before its call (a short lease, so a second process or a
// crash cannot send it twice at once) and marked sent right after the call succeeds, so after a crash the
// pending ones go out and the sent ones never repeat. Failures by kind (see failures.ts):
//   429 → everything waits retry_after, the message goes again (not counted as an attempt);
//   403 in a private chat → the member is marked unreachable, the leads are told once;
//   other 4xx → failed with the reason; network errors and 5xx → retried with exponential backoff.
// drainOutbox() is one unpaced pass (tests, tools); startSender() is the long-running, paced loop.
import type { I18n } from "@grammyjs/i18n";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { Api, InputFile } from "grammy";
import { photoRenderer } from "./photo-renderers.js";
import type { Db } from "../db/client.js";
import { notifications } from "../db/schema.js";
import type { Clock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";
import { createI18n } from "../bot/i18n.js";
import { reportUnreachableNow } from "../nags/unreachable-nag-job.js";
import { DROPPED_LEAVER, mayNotify } from "../handover/leaver-access.js";
import { backoffMs, classifyFailure, type Failure } from "./failures.js";
import { RateLimiter, TELEGRAM_LIMITS, type Limits } from "./rate-limit.js";

export interface SenderDeps {
  db: Db;
  api: Api;
  clock: Clock;
  logger: Logger;
  /** For telling leads about someone unreachable; a default instance is made when absent. */
  i18n?: I18n<any>;
  /** For the invite link in that message; asked from getMe when absent. */
  botUsername?: string;
}

export interface SenderOptions {
  /** Telegram's limits by default; the bench scales them (see rate-limit.ts). */
  limits?: Limits;
  /** Calls in flight at once (different chats). */
  concurrency?: number;
  /** Transient failures before a message is given up as failed. */
  maxAttempts?: number;
  /** How often the loop looks for new messages when idle (ms). */
  pollMs?: number;
  /** How long a claimed message is reserved for its call (ms). */
  leaseMs?: number;
  /** Waits `ms`; tests pass one that moves their manual clock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

type Notification = typeof notifications.$inferSelect;
export type Outcome = "sent" | "rate_limited" | "unreachable" | "failed" | "retry" | "skipped" | "dropped";

export interface SenderStats {
  sent: number;
  failed: number;
  retried: number;
  rateLimited: number;
  unreachable: number;
}

// 12 attempts with backoff from 5 s doubling up to 1 h: a message survives about two and a half hours of outage.
const DEFAULTS = { concurrency: 10, maxAttempts: 12, pollMs: 1000, leaseMs: 60_000 };

/** The pause a 429 imposed on a database's outbox, shared by every drain of it. */
const pausedUntil = new WeakMap<Db, number>();

/**
 * One unpaced pass: sends what is due, oldest first, until nothing is due or `limit` calls were made
 * (stops early on a 429: the rest waits for retry_after). Returns how many were sent.
 */
export async function drainOutbox(deps: SenderDeps, limit = 1000): Promise<number> {
  const delivery = new Delivery(deps, DEFAULTS.maxAttempts, DEFAULTS.leaseMs);
  let calls = 0;
  let sent = 0;
  while (calls < limit) {
    const now = deps.clock.now().getTime();
    if ((pausedUntil.get(deps.db) ?? 0) > now) break;
    const due = deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.status, "pending"), lte(notifications.notBefore, now)))
      .orderBy(asc(notifications.id))
      .limit(Math.min(200, limit - calls))
      .all();
    if (due.length === 0) break;
    for (const n of due) {
      const result = await delivery.deliver(n);
      if (result.outcome === "skipped" || result.outcome === "dropped") continue;
      calls += 1;
      if (result.outcome === "sent") sent += 1;
      if (result.outcome === "rate_limited") {
        pausedUntil.set(deps.db, deps.clock.now().getTime() + result.retryAfterMs);
        return sent;
      }
      if (calls >= limit) break;
    }
  }
  return sent;
}

/** Sends one stored notification (as the Bot API call it describes). */
export async function send(api: Api, n: Notification): Promise<void> {
  const { method, ...rest } = n.payload as { method: string } & Record<string, unknown>;
  if (method === "sendPhoto") {
    const { fileName, contentBase64, renderer, args, caption, reply_markup } = rest as { fileName: string; contentBase64?: string; renderer?: string; args?: unknown; caption: string; reply_markup?: never };
    const bytes = contentBase64 !== undefined ? Buffer.from(contentBase64, "base64") : await photoRenderer(String(renderer))(args);
    await api.sendPhoto(n.chatId, new InputFile(bytes, fileName), { caption, parse_mode: "HTML", ...(reply_markup ? { reply_markup } : {}) });
    return;
  }
  if (method === "sendDocument") {
    const { fileName, contentBase64, caption, reply_markup } = rest as {
      fileName: string;
      contentBase64: string;
      caption: string;
      reply_markup?: never;
    };
    await api.sendDocument(n.chatId, new InputFile(Buffer.from(contentBase64, "base64"), fileName), {
      caption,
      parse_mode: "HTML",
      ...(reply_markup ? { reply_markup } : {}),
    });
    return;
  }
  const { text, ...other } = rest as { text: unknown } & Record<string, unknown>;
  const html = other.parse_mode === undefined && other.entities === undefined ? { parse_mode: "HTML" as const } : {};
  await api.sendMessage(n.chatId, String(text), { ...html, ...other } as never);
}

/**
 * The bot's Api retries 429s and network errors by sleeping inside the call (auto-retry); the sender
 * decides those itself, by the clock, so it calls through a plain Api on the same client options.
 */
const plainApis = new WeakMap<Api, Api>();
function plainApi(api: Api): Api {
  let plain = plainApis.get(api);
  if (!plain) {
    // A call that hangs holds a place in flight: give up on it after a minute (then it is retried).
    plain = new Api(api.token, { ...api.options, timeoutSeconds: api.options?.timeoutSeconds ?? 60 });
    plainApis.set(api, plain);
  }
  return plain;
}

let defaultI18n: I18n<any> | null = null;

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
class Delivery {
  private readonly api: Api;
  private username: string | undefined;
  readonly stats: SenderStats = { sent: 0, failed: 0, retried: 0, rateLimited: 0, unreachable: 0 };

  constructor(
    private readonly deps: SenderDeps,
    private readonly maxAttempts: number,
    private readonly leaseMs: number,
  ) {
    this.api = plainApi(deps.api);
    this.username = deps.botUsername;
  }

  /** Reserves the message for this call; false when it is no longer due (sent, failed, or claimed elsewhere). */
  claim(n: Notification, now: number): boolean {
    return hot(this.deps.db).claim.run({ id: n.id, now, until: now + this.leaseMs }).changes > 0;
  }

  async deliver(n: Notification, alreadyClaimed = false): Promise<{ outcome: Outcome; retryAfterMs: number }> {
    if (!alreadyClaimed && !this.claim(n, this.deps.clock.now().getTime())) return { outcome: "skipped", retryAfterMs: 0 };
    // A leaver gets only what the access rule still allows them (see handover/leaver-access.ts).
    if (!mayNotify(this.deps.db, n.memberId, n.kind, this.deps.clock.now())) {
      this.deps.db.update(notifications).set({ status: "dropped", lastError: DROPPED_LEAVER }).where(eq(notifications.id, n.id)).run();
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
        const report = reportUnreachableNow(
          { db, i18n: this.i18n(), botUsername: await this.botUsername(), logger },
          { chatId: n.chatId, memberId: n.memberId, reachability: failure.reachability, reason: failure.reason, now: new Date(now) },
        );
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

  private i18n(): I18n<any> {
    if (this.deps.i18n) return this.deps.i18n;
    defaultI18n ??= createI18n(() => "ru");
    return defaultI18n;
  }

  private async botUsername(): Promise<string> {
    if (this.username) return this.username;
    try {
      this.username = (await this.api.getMe()).username;
    } catch (err) {
      this.deps.logger.warn({ err }, "could not learn the bot's username for an invite link");
      return "";
    }
    return this.username;
  }
}

// ---------------------------------------------------------------------------------------------
// The long-running, paced sender

export interface SenderHandle {
  /** Stops taking new messages, lets the calls in flight finish and record their outcome, then resolves. */
  stop(): Promise<void>;
  /** Look at the outbox now rather than at the next poll. */
  wake(): void;
  readonly stats: SenderStats;
}

export function startSender(deps: SenderDeps, options: SenderOptions = {}): SenderHandle {
  const loop = new PacedLoop(deps, options);
  const done = loop.run(false).catch((err) => deps.logger.error({ err }, "the outbox sender stopped on an error"));
  return {
    async stop() {
      loop.stop();
      await done;
    },
    wake: () => loop.wake(),
    stats: loop.stats,
  };
}

/** Sends, paced, until nothing is due and nothing is in flight (the CLI and the bench). */
export async function drainUntilIdle(deps: SenderDeps, options: SenderOptions = {}): Promise<SenderStats> {
  const loop = new PacedLoop(deps, options);
  await loop.run(true);
  return loop.stats;
}

class PacedLoop {
  private readonly delivery: Delivery;
  private readonly limiter: RateLimiter;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private queue: Notification[] = [];
  private loadedAt = -Infinity;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busyChats = new Set<number>();
  private stopping = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly deps: SenderDeps,
    private readonly options: SenderOptions,
  ) {
    this.delivery = new Delivery(deps, options.maxAttempts ?? DEFAULTS.maxAttempts, options.leaseMs ?? DEFAULTS.leaseMs);
    this.limiter = new RateLimiter(options.limits ?? TELEGRAM_LIMITS);
    this.concurrency = options.concurrency ?? DEFAULTS.concurrency;
    this.pollMs = options.pollMs ?? DEFAULTS.pollMs;
    // About two windows' worth: enough to keep the pace until the next look, small enough to look often.
    const limits = options.limits ?? TELEGRAM_LIMITS;
    this.batchSize = Math.min(2000, Math.max(100, 2 * limits.global.count, 4 * this.concurrency));
  }

  get stats(): SenderStats {
    return this.delivery.stats;
  }

  stop(): void {
    this.stopping = true;
    this.wake();
  }

  wake(): void {
    this.wakeUp?.();
  }

  async run(untilIdle: boolean): Promise<void> {
    while (!this.stopping) {
      const now = this.deps.clock.now().getTime();
      if (this.queue.length === 0 || now - this.loadedAt >= this.pollMs) this.load(now);
      // Idle: nothing due, nothing in flight, and no retry_after pause to sit out.
      if (untilIdle && this.queue.length === 0 && this.inFlight.size === 0 && this.limiter.globalWaitMs(now) === 0) break;
      // The limiter counts a send at the instant it is made, so the clock is read again after the load.
      const wait = this.dispatch(this.deps.clock.now().getTime());
      if (wait === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      await this.sleep(Math.min(wait, this.pollMs));
    }
    // Calls already made finish and record their outcome; nothing new starts.
    await Promise.all([...this.inFlight]);
  }

  /** Due messages, at most a few per chat (a chat's messages go one at a time anyway), oldest first. */
  private load(now: number): void {
    this.loadedAt = now;
    this.queue = this.deps.db
      .select()
      .from(notifications)
      .where(
        sql`${notifications.id} IN (SELECT id FROM (
              SELECT id, ROW_NUMBER() OVER (PARTITION BY chat_id ORDER BY id) AS rn
              FROM notifications WHERE status = 'pending' AND not_before <= ${now}) WHERE rn <= 3)`,
      )
      .orderBy(asc(notifications.id))
      .limit(this.batchSize)
      .all();
  }

  /**
   * Starts every call the limits allow now, oldest first, one at a time per chat. Returns 0 if it started
   * any; else how long until one may start (Infinity: when a call in flight finishes).
   */
  private dispatch(now: number): number {
    let started = 0;
    let wait = Infinity;
    const seen = new Set<number>();
    const rest: Notification[] = [];
    for (let i = 0; i < this.queue.length; i++) {
      const n = this.queue[i]!;
      const globalWait = this.limiter.globalWaitMs(now);
      if (this.inFlight.size >= this.concurrency || globalWait > 0) {
        if (globalWait > 0) wait = Math.min(wait, globalWait);
        for (let j = i; j < this.queue.length; j++) rest.push(this.queue[j]!);
        break;
      }
      // An older message of the same chat is waiting or in flight: keep the chat's order.
      if (seen.has(n.chatId) || this.busyChats.has(n.chatId)) {
        seen.add(n.chatId);
        rest.push(n);
        continue;
      }
      seen.add(n.chatId);
      const chatWait = this.limiter.waitMs(n.chatId, now);
      if (chatWait > 0) {
        wait = Math.min(wait, chatWait);
        rest.push(n);
        continue;
      }
      if (!this.delivery.claim(n, now)) continue;
      this.limiter.begin(n.chatId, now);
      this.start(n);
      started += 1;
    }
    this.queue = rest;
    return started > 0 ? 0 : wait;
  }

  private start(n: Notification): void {
    this.busyChats.add(n.chatId);
    const call = this.delivery
      .deliver(n, true)
      .then((result) => {
        if (result.outcome === "rate_limited") {
          this.limiter.pause(this.deps.clock.now().getTime() + result.retryAfterMs);
          this.queue = [];
        }
        // A 403 fails the chat's other messages and may enqueue a note to the leads: look again.
        if (result.outcome === "unreachable") this.queue = [];
      })
      .catch((err) => this.deps.logger.error({ err, notificationId: n.id }, "could not record a delivery"))
      .finally(() => {
        this.limiter.end(n.chatId, this.deps.clock.now().getTime());
        this.busyChats.delete(n.chatId);
        this.inFlight.delete(call);
        this.wake();
      });
    this.inFlight.add(call);
  }

  /** Sleeps up to `ms`, or until woken (a call finished, stop, wake()). */
  private async sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
    const slept = this.options.sleep ? this.options.sleep(ms) : new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([slept, woken]);
    clearTimeout(timer);
    this.wakeUp = null;
  }
}
