// The background work as main.ts starts it: the scheduler's make-up tick at start, the sender, and a clean stop.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBackgroundWork } from "../../src/background.js";
import { notifications } from "../../src/db/schema.js";
import { createHarness, BOT_INFO, type Harness } from "../support/harness.js";
import { seedManyClients } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T08:00:00+03:00" });
});
afterEach(() => h.close());

describe("background work", () => {
  it("makes up the morning run missed while the bot was down and delivers it; stops cleanly", async () => {
    const lead = await h.createTeam();
    seedManyClients(h.db, 1, null, 2);
    h.clock.set("2026-11-23T11:00:00+03:00"); // the bot comes up after the 09:00 slot
    const background = startBackgroundWork({
      config: h.config,
      db: h.db,
      logger: h.deps.logger,
      api: h.bot.api,
      i18n: h.bot.i18n,
      clock: h.clock,
      botUsername: BOT_INFO.username,
      sender: { pollMs: 20 },
    });
    await h.telegram.whenCalled((c) => c.method === "sendMessage" && String(c.payload.text).includes("2 клиента без менеджера"));
    expect(lead.messages().some((m) => m.text.includes("2 клиента без менеджера"))).toBe(true);
    await background.stop();
    expect(h.db.select().from(notifications).all().every((n) => n.status === "sent")).toBe(true);
    expect(h.errors()).toEqual([]);
  });
});
