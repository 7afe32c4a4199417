// Delivers the outbox. Every message is claimed before its call (a short lease, so a second process or a
// crash cannot send it twice at once) and marked sent right after the call succeeds, so after a crash the
// pending ones go out and the sent ones never repeat. Failures by kind (see failures.ts):
//   429 → everything waits retry_after, the message goes again (not counted as an attempt);
//   403 in a private chat → the chat's waiting messages fail, and the hooks are told (delivery.ts);
//   other 4xx → failed with the reason; network errors and 5xx → retried with exponential backoff.
// drainOutbox() is one unpaced pass (tests, tools); startSender() is the long-running, paced loop.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { notifications } from "../db/schema.js";
import { Delivery, type SenderDeps, type SenderStats } from "./delivery.js";
import { RateLimiter, TELEGRAM_LIMITS, type Limits } from "./rate-limit.js";
import type { Notification } from "./send.js";

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
