import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, members, notifications } from "../../src/db/schema.js";
import type { JobDeps } from "../../src/jobs/types.js";
import { planDailyDigests } from "../../src/calls/daily-digest-job.js";
import { createHarness, type Harness } from "../support/harness.js";
import { handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // Monday 09:00 Moscow
});
afterEach(() => h.close());

const jobDeps = (): JobDeps => ({ db: h.db, i18n: h.bot.i18n, clock: h.clock, logger: h.deps.logger, config: h.config, botUsername: "handover_test_bot" });
const digests = () => h.db.select().from(notifications).where(eq(notifications.kind, "digest")).all();

describe("daily digest", () => {
  it("sends each member with something to do their list, once a day, with buttons that open the cards", async () => {
    const s = await handoverScene(h);
    await s.vera.send("/language");
    await s.vera.tapButton("English");
    expect(planDailyDigests(jobDeps(), h.team(), h.clock.now())).toBe(2); // Boris and Vera; Anna has nothing
    expect(planDailyDigests(jobDeps(), h.team(), h.clock.now())).toBe(0); // same day: deduplicated
    expect(digests().map((d) => d.dedupeKey).sort()).toEqual([`digest:${s.ids.boris}:2026-11-23`, `digest:${s.ids.vera}:2026-11-23`]);
    await h.drainOutbox();
    const boris = s.boris.lastText();
    expect(boris).toContain("Доброе утро! <b>Ваш список на 23.11</b>");
    expect(boris).toContain("Всего: <b>1</b>");
    expect(boris).toContain("ООО «Альфа» &lt;VIP&gt; &amp; Co");
    expect(s.vera.lastText()).toContain("Good morning! <b>Your list for 23 Nov</b>");
    expect(s.lead.lastText()).not.toContain("Ваш список");
    await s.boris.tapButton(/^1$/);
    expect(s.boris.lastText()).toContain("Скрипт звонка");
    expect(h.errors()).toEqual([]);
  });

  it("skips days off, and plans the next working day afresh", async () => {
    const s = await handoverScene(h);
    h.clock.set("2026-11-28T09:00:00+03:00"); // Saturday
    expect(planDailyDigests(jobDeps(), h.team(), h.clock.now())).toBe(0);
    h.clock.set("2026-11-30T09:00:00+03:00"); // Monday: the untouched calls are overdue now
    expect(planDailyDigests(jobDeps(), h.team(), h.clock.now())).toBe(2);
    await h.drainOutbox();
    expect(s.boris.lastText()).toContain("Просроченные звонки");
  });

  it("leaves out members who cannot receive messages or have left", async () => {
    const s = await handoverScene(h);
    // Maria is known by name only: give her a call due today; she still gets no digest (no chat to send to).
    h.db.insert(calls).values({ teamId: 1, clientId: s.clients.gamma, assigneeId: s.ids.maria, kind: "ordinary", dueOn: "2026-11-23", createdAt: 0 }).run();
    expect(planDailyDigests(jobDeps(), h.team(), h.clock.now())).toBe(2);
    expect(digests().some((d) => d.memberId === s.ids.maria)).toBe(false);
    // The next day Vera has left the team: no digest for her either.
    h.db.update(members).set({ status: "left" }).where(eq(members.id, s.ids.vera)).run();
    h.clock.set("2026-11-24T09:00:00+03:00");
    expect(planDailyDigests(jobDeps(), h.team(), h.clock.now())).toBe(1);
    expect(digests().filter((d) => d.dedupeKey.endsWith("2026-11-24")).map((d) => d.memberId)).toEqual([s.ids.boris]);
  });
});
