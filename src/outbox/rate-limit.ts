// Telegram's flood limits, kept on our side so the Bot API never has to answer 429.
// Each limit is a sliding window ("at most N sends in any W ms"), the same shape Telegram documents;
// a small safety margin is added to every window so jitter between our clock and the server's
// arrival times cannot push N+1 sends into one of its windows.

export interface WindowLimit {
  count: number;
  windowMs: number;
}

export interface Limits {
  /** All chats together: about 30 messages a second. */
  global: WindowLimit;
  /** One private chat: about 1 message a second. */
  privateChat: WindowLimit;
  /** One group: about 20 messages a minute. */
  group: WindowLimit;
  /** Added to every window (ms). */
  marginMs: number;
}

export const TELEGRAM_LIMITS: Limits = {
  global: { count: 30, windowMs: 1000 },
  privateChat: { count: 1, windowMs: 1000 },
  group: { count: 20, windowMs: 60_000 },
  marginMs: 25,
};

/**
 * The same limits, `factor` times faster (for the bench, whose fake endpoint scales its own limits by the
 * same factor). The overall limit is scaled in count over the same window (30/s → 300/s), so the safety
 * margin stays as small a share of it as in production; per-chat limits are scaled in time (1/s → 1 per 100 ms).
 */
export function scaleLimits(limits: Limits, factor: number): Limits {
  const faster = (l: WindowLimit): WindowLimit => ({ count: l.count, windowMs: l.windowMs / factor });
  return {
    global: { count: Math.round(limits.global.count * factor), windowMs: limits.global.windowMs },
    privateChat: faster(limits.privateChat),
    group: faster(limits.group),
    marginMs: limits.marginMs,
  };
}

/** Group and channel ids are negative in the Bot API; users' private chats are positive. */
export function isGroupChat(chatId: number): boolean {
  return chatId < 0;
}

/** The last `count` send instants of one scope, oldest first. */
class SlidingWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: WindowLimit) {}

  /** How long until one more send fits (0 = now). */
  waitMs(now: number, marginMs: number): number {
    if (this.times.length < this.limit.count) return 0;
    const oldest = this.times[this.times.length - this.limit.count]!;
    return Math.max(0, oldest + this.limit.windowMs + marginMs - now);
  }

  record(now: number): void {
    this.times.push(now);
    if (this.times.length > this.limit.count) this.times.splice(0, this.times.length - this.limit.count);
  }

  /** True when every recorded send has left the window: the entry can be forgotten. */
  expired(now: number, marginMs: number): boolean {
    const last = this.times.at(-1);
    return last === undefined || last + this.limit.windowMs + marginMs <= now;
  }
}

/**
 * Decides when the next message to a chat may go. Pure bookkeeping on instants given by the caller,
 * so tests drive it with a manual clock.
 */
export class RateLimiter {
  private readonly global: SlidingWindow;
  private readonly chats = new Map<number, SlidingWindow>();
  private pausedUntil = 0;
  private lastSweep = 0;

  constructor(readonly limits: Limits = TELEGRAM_LIMITS) {
    this.global = new SlidingWindow(limits.global);
  }

  /** Milliseconds to wait before a message to `chatId` may be sent (0 = now). */
  waitMs(chatId: number, now: number): number {
    const chat = this.chats.get(chatId);
    return Math.max(
      this.pausedUntil - now,
      this.global.waitMs(now, this.limits.marginMs),
      chat ? chat.waitMs(now, this.limits.marginMs) : 0,
    );
  }

  /** Milliseconds until any message at all may go (pause and global limit only). */
  globalWaitMs(now: number): number {
    return Math.max(this.pausedUntil - now, this.global.waitMs(now, this.limits.marginMs), 0);
  }

  /** Counts a send to `chatId` at `now`. */
  record(chatId: number, now: number): void {
    this.global.record(now);
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new SlidingWindow(isGroupChat(chatId) ? this.limits.group : this.limits.privateChat);
      this.chats.set(chatId, chat);
    }
    chat.record(now);
    this.sweep(now);
  }

  /** Telegram said "retry after": nothing goes out before `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  get trackedChats(): number {
    return this.chats.size;
  }

  /** Forgets chats whose window has passed, so memory stays bounded by recent traffic. */
  private sweep(now: number): void {
    const since = now - this.lastSweep;
    if (since < 1000 || (since < 10_000 && this.chats.size < 50_000)) return;
    this.lastSweep = now;
    for (const [id, window] of this.chats) if (window.expired(now, this.limits.marginMs)) this.chats.delete(id);
  }
}
