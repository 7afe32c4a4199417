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

  it("lets 30 different chats through at once, then the 31st after the window", () => {
    const limiter = new RateLimiter();
    for (let i = 1; i <= 30; i++) {
      expect(limiter.waitMs(i, 0)).toBe(0);
      limiter.record(i, 0);
    }
    expect(limiter.waitMs(31, 0)).toBe(1000 + TELEGRAM_LIMITS.marginMs);
    expect(limiter.waitMs(1, 500)).toBe(500 + TELEGRAM_LIMITS.marginMs);
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
