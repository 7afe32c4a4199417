import { eq } from "drizzle-orm";
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members, notifications } from "../../src/db/schema.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { drainOutbox, drainUntilIdle, startSender } from "../../src/outbox/sender.js";
import type { SenderDeps } from "../../src/outbox/delivery.js";
import { deliveryHooks } from "../../src/background.js";
import { createHarness, BOT_INFO, TEST_TOKEN, type Harness } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T10:00:00+03:00" });
});
afterEach(() => h.close());

function put(chatId: number, key: string, text = key, memberId: number | null = null) {
  return enqueue(h.db, { chatId, teamId: 1, memberId, kind: "test", dedupeKey: key, text }, h.clock.now());
}
const row = (key: string) => h.db.select().from(notifications).where(eq(notifications.dedupeKey, key)).get()!;
const sentTo = (chatId: number) => h.calls("sendMessage").filter((c) => c.payload.chat_id === chatId && !c.error).map((c) => String(c.payload.text));
const member = (telegramId: number) => h.db.select().from(members).where(eq(members.id, memberIdOf(h.db, telegramId))).get()!;

describe("draining the outbox", () => {
  it("sends each message once, in order, as HTML, and never again", async () => {
    await h.createTeam();
    put(100, "a", "<b>первое</b>");
    put(100, "b", "второе");
    expect(put(100, "a", "дубль")).toBe(false);
    expect(await h.drainOutbox()).toBe(2);
    expect(await h.drainOutbox()).toBe(0);
    expect(sentTo(100).slice(-2)).toEqual(["<b>первое</b>", "второе"]);
    expect(h.calls("sendMessage").at(-1)?.payload.parse_mode).toBe("HTML");
    expect(row("a")).toMatchObject({ status: "sent", attempts: 1, sentAt: h.clock.now().getTime() });
  });

  it("after a restart with a half-drained outbox sends the rest, and nothing twice", async () => {
    await h.createTeam();
    for (let i = 1; i <= 5; i++) put(1000 + i, `m${i}`);
    const deps = { db: h.db, api: h.bot.api, clock: h.clock, logger: h.deps.logger, hooks: deliveryHooks({ db: h.db, logger: h.deps.logger, i18n: h.bot.i18n, botUsername: BOT_INFO.username }) };
    expect(await drainOutbox(deps, 2)).toBe(2); // the process dies here
    h.restart();
    expect(await h.drainOutbox()).toBe(3);
    for (let i = 1; i <= 5; i++) expect(sentTo(1000 + i)).toEqual([`m${i}`]);

    // A crash between the call and its record: the message is under its lease, sent again once it expires
    // (at-least-once; the window is one call wide).
    put(1010, "leased");
    h.db.update(notifications).set({ notBefore: h.clock.now().getTime() + 60_000 }).where(eq(notifications.dedupeKey, "leased")).run();
    h.restart();
    expect(await h.drainOutbox()).toBe(0);
    h.clock.advance(60_000);
    expect(await h.drainOutbox()).toBe(1);
    expect(sentTo(1010)).toEqual(["leased"]);
  });

  it("waits retry_after on 429 and sends again, without counting it as a failure", async () => {
    await h.createTeam();
    put(1001, "first");
    put(1002, "second");
    h.telegram.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } });
    expect(await h.drainOutbox()).toBe(0);
    expect(row("first")).toMatchObject({ status: "pending", attempts: 0, notBefore: h.clock.now().getTime() + 5000 });
    expect(row("first").lastError).toContain("429");
    expect(row("second").status).toBe("pending"); // everything waits, not just the one
    h.clock.advance(4000);
    expect(await h.drainOutbox()).toBe(0);
    h.clock.advance(1000);
    expect(await h.drainOutbox()).toBe(2);
    expect(row("first")).toMatchObject({ status: "sent", attempts: 1 });
    expect(sentTo(1001)).toEqual(["first"]);
    expect(h.errors()).toEqual([]);
  });

  it("on 403 marks the member unreachable, fails their waiting messages, and tells the leads once", async () => {
    const lead = await h.createTeam();
    const coLead = await h.join(101, "lead", { first_name: "Kate", language_code: "en" });
    await h.join(200, "manager", { first_name: "Борис" });
    const boris = memberIdOf(h.db, 200);
    h.telegram.blockedChats.add(200); // blocked without us hearing about it
    put(200, "x1", "раз", boris);
    put(200, "x2", "два", boris);
    put(100, "to-lead", "лиду");
    await h.drainOutbox();

    expect(h.calls("sendMessage").filter((c) => c.payload.chat_id === 200 && c.error)).toHaveLength(1); // one try, not two
    expect(row("x1")).toMatchObject({ status: "failed", lastError: "403 Forbidden: bot was blocked by the user" });
    expect(row("x2").status).toBe("failed");
    expect(member(200)).toMatchObject({ reachability: "blocked", unreachableReportedAt: h.clock.now().getTime() });
    expect(lead.lastText()).toContain("• Борис — заблокировал(а) бота");
    expect(lead.lastText()).toContain(`start=${h.team().managerInviteToken}`);
    expect(coLead.lastText()).toContain("• Борис — blocked the bot");
    expect(sentTo(100)).toContain("лиду");

    // Later failures to the same person do not repeat the report.
    put(200, "x3", "три", boris);
    h.clock.advance(60_000);
    await h.drainOutbox();
    expect(row("x3").status).toBe("failed");
    expect(lead.messages().filter((m) => m.text.includes("Борис"))).toHaveLength(2); // join notice + one report
    // Nor does the morning sweep for unreachable people.
    expect(h.runJob("unreachable-nag")).toBe(0);
  });

  it("tells a never-started person apart from one who blocked the bot", async () => {
    await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    h.telegram.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    put(200, "x", "x", memberIdOf(h.db, 200));
    await h.drainOutbox();
    expect(member(200).reachability).toBe("never_started");
    expect(h.calls("sendMessage").at(-1)?.payload.text).toContain("ещё не открывал(а) бота");
  });

  it("marks a refused message (400) failed with the reason and does not retry it", async () => {
    await h.createTeam();
    put(100, "bad");
    put(100, "good");
    h.telegram.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities: unexpected end tag" });
    expect(await h.drainOutbox()).toBe(1);
    expect(row("bad")).toMatchObject({ status: "failed", attempts: 1, lastError: "400 Bad Request: can't parse entities: unexpected end tag" });
    h.clock.advance(24 * 60 * 60 * 1000);
    const before = h.calls("sendMessage").length;
    await h.drainOutbox();
    expect(h.calls("sendMessage").length).toBe(before);
    expect(h.errors()).toEqual([]);
  });

  it("retries network errors and 5xx with growing pauses, then gives up with the reason", async () => {
    await h.createTeam();
    put(1001, "flaky");
    h.telegram.failNext("sendMessage", "network");
    await h.drainOutbox();
    expect(row("flaky")).toMatchObject({ status: "pending", attempts: 1, notBefore: h.clock.now().getTime() + 5000 });
    h.telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    h.clock.advance(5000);
    await h.drainOutbox();
    expect(row("flaky")).toMatchObject({ status: "pending", attempts: 2, notBefore: h.clock.now().getTime() + 10_000 });
    h.clock.advance(9000);
    await h.drainOutbox();
    expect(row("flaky").status).toBe("pending"); // not yet
    h.clock.advance(1000);
    expect(await h.drainOutbox()).toBe(1);
    expect(row("flaky")).toMatchObject({ status: "sent", attempts: 3 });

    put(1002, "dead");
    h.telegram.failNext("sendMessage", "network", 20);
    for (let i = 0; i < 14; i++) {
      await h.drainOutbox();
      h.clock.advance(60 * 60 * 1000);
    }
    expect(row("dead")).toMatchObject({ status: "failed", attempts: 12 });
    expect(row("dead").lastError).toMatch(/^gave up after 12 attempts: network/);
  });
});

describe("the long-running sender", () => {
  /** Sender deps whose sleeping moves the manual clock instead of waiting. */
  function pacedDeps(api = h.bot.api): [SenderDeps, { sleep: (ms: number) => Promise<void> }] {
    return [
      { db: h.db, api, clock: h.clock, logger: h.deps.logger, hooks: deliveryHooks({ db: h.db, logger: h.deps.logger, i18n: h.bot.i18n, botUsername: BOT_INFO.username }) },
      {
        sleep: async (ms: number) => {
          h.clock.advance(Math.max(1, Math.ceil(ms)));
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    ];
  }
  function callTimes(): { chatId: number; at: number }[] {
    const times: { chatId: number; at: number }[] = [];
    h.telegram.respond((call) => {
      if (call.method === "sendMessage") times.push({ chatId: Number(call.payload.chat_id), at: h.clock.now().getTime() });
      return undefined;
    });
    return times;
  }
  const maxInWindow = (times: number[], windowMs: number) =>
    Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

  it("keeps to 30 messages a second overall and 1 a second per private chat", async () => {
    await h.createTeam();
    const times = callTimes();
    for (let i = 0; i < 4; i++) put(4242, `p${i}`);
    for (let i = 0; i < 90; i++) put(5000 + i, `g${i}`);
    const [deps, options] = pacedDeps();
    const stats = await drainUntilIdle(deps, options);
    expect(stats.sent).toBe(94);
    expect(maxInWindow(times.map((t) => t.at), 1000)).toBeLessThanOrEqual(30);
    const own = times.filter((t) => t.chatId === 4242).map((t) => t.at);
    expect(own).toHaveLength(4);
    for (let i = 1; i < own.length; i++) expect(own[i]! - own[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(sentTo(4242)).toEqual(["p0", "p1", "p2", "p3"]); // in order
    // Not slower than it must be: 94 messages in a little over 3 seconds (the private chat's pace).
    const span = Math.max(...times.map((t) => t.at)) - Math.min(...times.map((t) => t.at));
    expect(span).toBeLessThan(3500);
  });

  it("keeps to 20 messages a minute in a group", async () => {
    await h.createTeam();
    const times = callTimes();
    for (let i = 0; i < 25; i++) put(-100777, `grp${i}`);
    const [deps, options] = pacedDeps();
    await drainUntilIdle(deps, options);
    const at = times.map((t) => t.at);
    expect(at).toHaveLength(25);
    expect(maxInWindow(at, 60_000)).toBeLessThanOrEqual(20);
    expect(at[20]! - at[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it("sits out a 429 and then sends everything", async () => {
    await h.createTeam();
    const times = callTimes();
    for (let i = 0; i < 3; i++) put(6000 + i, `r${i}`);
    h.telegram.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } });
    const start = h.clock.now().getTime();
    const [deps, options] = pacedDeps();
    const stats = await drainUntilIdle(deps, { ...options, concurrency: 1 });
    expect(stats).toMatchObject({ sent: 3, rateLimited: 1, failed: 0 });
    expect(times.slice(1).every((t) => t.at >= start + 7000)).toBe(true);
  });

  it("stops after finishing the message in flight; the rest waits for the next start", async () => {
    await h.createTeam();
    put(7001, "in-flight");
    put(7002, "later");
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const slowApi = new Api(TEST_TOKEN, {
      apiRoot: h.config.apiRoot,
      fetch: (async (url: string, init: RequestInit) => {
        entered();
        await gate;
        return h.telegram.fetch(url, init);
      }) as typeof fetch,
    });
    const [deps] = pacedDeps(slowApi);
    const sender = startSender(deps, { concurrency: 1, pollMs: 10 });
    await inside;
    const stopped = sender.stop();
    release();
    await stopped;
    expect(row("in-flight").status).toBe("sent");
    expect(row("later").status).toBe("pending");
    expect(sentTo(7002)).toEqual([]);
    await h.drainOutbox();
    expect(sentTo(7002)).toEqual(["later"]);
  });
});
