// Telegram's flood limits, kept on our side so the Bot API never has to answer 429.
// Each limit is a sliding window ("at most N messages in any W ms"), the shape Telegram documents, with a
// little headroom. We cannot see when a request reaches Telegram, only that it happens after we start the
// call and before its answer comes back; so a call in flight counts as arriving "now", and a finished one
// as arriving when its answer came. With those bounds, N+1 arrivals can never fall into one of the
// server's windows, however late timers fire or the process stalls. The overall limit is also paced
// (spread evenly, a few back to back at most) so the server sees a steady flow, not bursts.

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
  /** Every window is stretched by this share (0.02 = we stay 2% under Telegram's limits). */
  headroom: number;
}

export const TELEGRAM_LIMITS: Limits = {
  global: { count: 30, windowMs: 1000 },
  privateChat: { count: 1, windowMs: 1000 },
  group: { count: 20, windowMs: 60_000 },
  headroom: 0.02,
};

/**
 * When the pacer is behind (a late timer, a slow call, a busy process), it may catch up by sending a few
 * back to back: 3, or as many as fit in 50 ms at high rates. The sliding window still holds regardless.
 */
const CATCH_UP_SENDS = 3;
const CATCH_UP_MS = 50;

/**
 * The same limits, `factor` times faster (for the bench, whose fake endpoint scales its own limits by the
 * same factor). The overall limit is scaled in count over the same window (30/s → 300/s); per-chat limits
 * are scaled in time (1/s → 1 per 100 ms).
 */
export function scaleLimits(limits: Limits, factor: number): Limits {
  const faster = (l: WindowLimit): WindowLimit => ({ count: l.count, windowMs: l.windowMs / factor });
  return {
    global: { count: Math.round(limits.global.count * factor), windowMs: limits.global.windowMs },
    privateChat: faster(limits.privateChat),
    group: faster(limits.group),
    headroom: limits.headroom,
  };
}

/** Group and channel ids are negative in the Bot API; users' private chats are positive. */
export function isGroupChat(chatId: number): boolean {
  return chatId < 0;
}

/** One scope's sends: the calls in flight and the completion instants of the last `count` ones. */
class SlidingWindow {
  /** Completion instants, ascending (the clock does not go back). */
  private readonly times: number[] = [];
  inFlight = 0;
  constructor(
    private readonly count: number,
    private readonly windowMs: number,
  ) {}

  /** How long until one more send fits (0 = now; Infinity = when a call in flight finishes). */
  waitMs(now: number): number {
    const from = firstAfter(this.times, now - this.windowMs);
    const inWindow = this.times.length - from;
    const over = inWindow + this.inFlight - this.count; // this many must leave the window first
    if (over < 0) return 0;
    if (over >= inWindow) return Infinity;
    return Math.max(0, this.times[from + over]! + this.windowMs - now);
  }

  begin(): void {
    this.inFlight += 1;
  }

  end(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.times.push(Math.max(now, this.times.at(-1) ?? now));
    if (this.times.length > this.count) this.times.splice(0, this.times.length - this.count);
  }

  /** True when nothing is in flight and every send has left the window: the entry can be forgotten. */
  expired(now: number): boolean {
    const last = this.times.at(-1);
    return this.inFlight === 0 && (last === undefined || last + this.windowMs <= now);
  }
}

/** Index of the first element greater than `t` in an ascending array. */
function firstAfter(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Decides when the next message to a chat may go. Pure bookkeeping on instants given by the caller,
 * so tests drive it with a manual clock. A send is begin() when its call starts and end() when its answer
 * (or error) is back.
 */
export class RateLimiter {
  private readonly global: SlidingWindow;
  /** Pacing of the overall limit: the instant the next send is due on an even schedule. */
  private nextDue = -Infinity;
  private readonly interval: number;
  private readonly catchUp: number;
  private readonly chats = new Map<number, SlidingWindow>();
  private pausedUntil = 0;
  private lastSweep = 0;

  constructor(readonly limits: Limits = TELEGRAM_LIMITS) {
    const stretch = 1 + limits.headroom;
    this.global = new SlidingWindow(limits.global.count, limits.global.windowMs * stretch);
    this.interval = (limits.global.windowMs * stretch) / limits.global.count;
    this.catchUp = Math.max(CATCH_UP_SENDS, Math.floor(CATCH_UP_MS / this.interval));
  }

  /** Milliseconds to wait before a message to `chatId` may be sent (0 = now; Infinity = after a call in flight). */
  waitMs(chatId: number, now: number): number {
    const chat = this.chats.get(chatId);
    return Math.max(this.globalWaitMs(now), chat ? chat.waitMs(now) : 0);
  }

  /** Milliseconds until any message at all may go (retry_after pause and the overall limit). */
  globalWaitMs(now: number): number {
    const paced = this.nextDue - (this.catchUp - 1) * this.interval - now;
    return Math.max(0, this.pausedUntil - now, this.global.waitMs(now), paced);
  }

  /** A call to `chatId` starts at `now`. */
  begin(chatId: number, now: number): void {
    this.nextDue = Math.max(this.nextDue, now) + this.interval;
    this.global.begin();
    this.chat(chatId).begin();
  }

  /** The answer to a call to `chatId` came back at `now` (whatever it said). */
  end(chatId: number, now: number): void {
    this.global.end(now);
    this.chat(chatId).end(now);
    this.sweep(now);
  }

  /** A send that starts and is answered at the same instant (for callers that do not track calls). */
  record(chatId: number, now: number): void {
    this.begin(chatId, now);
    this.end(chatId, now);
  }

  /** Telegram said "retry after": nothing goes out before `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  get trackedChats(): number {
    return this.chats.size;
  }

  private chat(chatId: number): SlidingWindow {
    let chat = this.chats.get(chatId);
    if (!chat) {
      const limit = isGroupChat(chatId) ? this.limits.group : this.limits.privateChat;
      chat = new SlidingWindow(limit.count, limit.windowMs * (1 + this.limits.headroom));
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  /** Forgets chats whose window has passed, so memory stays bounded by recent traffic. */
  private sweep(now: number): void {
    const since = now - this.lastSweep;
    if (since < 1000 || (since < 10_000 && this.chats.size < 50_000)) return;
    this.lastSweep = now;
    for (const [id, window] of this.chats) if (window.expired(now)) this.chats.delete(id);
  }
}
