import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter, scaleLimits, TELEGRAM_LIMITS } from "../../src/outbox/rate-limit.js";

/** Sends in order, each as soon as the limiter allows; returns the send instants. */
function simulate(limiter: RateLimiter, chats: number[], gaps: number[]): { chatId: number; at: number }[] {
  let now = 0;
  const sent: { chatId: number; at: number }[] = [];
  chats.forEach((chatId, i) => {
    now += gaps[i] ?? 0;
    now += limiter.waitMs(chatId, now);
    expect(limiter.waitMs(chatId, now)).toBe(0);
    limiter.record(chatId, now);
    sent.push({ chatId, at: now });
  });
  return sent;
}

const maxInWindow = (times: number[], windowMs: number) => Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe("rate limiter", () => {
  it("never lets through more than Telegram allows, whatever the traffic", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -100, -200), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(50), { maxLength: 300 }),
        (chats, gaps) => {
          const sent = simulate(new RateLimiter(), chats, gaps);
          expect(maxInWindow(sent.map((s) => s.at), 1000)).toBeLessThanOrEqual(30);
          for (const chat of new Set(chats)) {
            const at = sent.filter((s) => s.chatId === chat).map((s) => s.at);
            expect(maxInWindow(at, chat < 0 ? 60_000 : 1000)).toBeLessThanOrEqual(chat < 0 ? 20 : 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("holds when calls take time and arrive at the server any time between start and answer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ chat: fc.integer({ min: 1, max: 60 }), latency: fc.integer({ min: 0, max: 300 }), arrival: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 400,
        }),
        (calls) => {
          const limiter = new RateLimiter();
          const inFlight: { chat: number; done: number }[] = [];
          const arrivals: { chat: number; at: number }[] = [];
          let now = 0;
          for (const call of calls) {
            for (;;) {
              inFlight.sort((a, b) => a.done - b.done);
              while (inFlight.length > 0 && inFlight[0]!.done <= now) limiter.end(inFlight[0]!.chat, inFlight.shift()!.done);
              const wait = limiter.waitMs(call.chat, now);
              if (wait === 0) break;
              now = Math.min(now + wait, inFlight[0]?.done ?? Infinity);
            }
            limiter.begin(call.chat, now);
            inFlight.push({ chat: call.chat, done: now + call.latency });
            arrivals.push({ chat: call.chat, at: now + call.arrival * call.latency });
          }
          const sorted = arrivals.map((a) => a.at).sort((a, b) => a - b);
          expect(maxInWindow(sorted, 1000)).toBeLessThanOrEqual(30);
          for (const chat of new Set(calls.map((c) => c.chat))) {
            expect(maxInWindow(arrivals.filter((a) => a.chat === chat).map((a) => a.at), 1000)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("spreads sends over the second (a few back to back at most), a little under Telegram's 30/s", () => {
    const limiter = new RateLimiter();
    const window = 1000 * (1 + TELEGRAM_LIMITS.headroom);
    const interval = window / 30;
    const at = simulate(limiter, Array.from({ length: 90 }, (_, i) => i + 1), []).map((s) => s.at);
    expect(at.slice(0, 3)).toEqual([0, 0, 0]); // catching up is allowed, a little
    expect(maxInWindow(at, interval - 1)).toBeLessThanOrEqual(3);
    for (let i = 30; i < at.length; i++) expect(at[i]! - at[i - 30]!).toBeGreaterThanOrEqual(window);
    expect(at[89]! - at[59]!).toBeLessThanOrEqual(window + interval); // and not much slower than that
  });

  it("lets one message a second (plus headroom) into a private chat, and another chat at once", () => {
    const limiter = new RateLimiter();
    limiter.record(1, 0);
    const window = 1000 * (1 + TELEGRAM_LIMITS.headroom);
    expect(limiter.waitMs(1, 1000)).toBeCloseTo(window - 1000, 6);
    expect(limiter.waitMs(1, window)).toBe(0);
    expect(limiter.waitMs(2, 0)).toBe(0);
  });

  it("holds everything during a retry_after pause", () => {
    const limiter = new RateLimiter();
    limiter.pause(7000);
    expect(limiter.waitMs(1, 0)).toBe(7000);
    expect(limiter.globalWaitMs(6999)).toBe(1);
    expect(limiter.waitMs(1, 7000)).toBe(0);
  });

  it("scales every window by the same factor for the bench", () => {
    const fast = scaleLimits(TELEGRAM_LIMITS, 10);
    expect(fast.global).toEqual({ count: 300, windowMs: 1000 });
    expect(fast.privateChat).toEqual({ count: 1, windowMs: 100 });
    expect(fast.group).toEqual({ count: 20, windowMs: 6000 });
  });

  it("forgets chats whose window has passed", () => {
    const limiter = new RateLimiter();
    for (let i = 1; i <= 100; i++) limiter.record(i, i * 100);
    limiter.record(999, 60_000);
    expect(limiter.trackedChats).toBe(1);
  });
});
