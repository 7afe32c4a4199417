import { and, eq, ne } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, checklistSteps } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { seedCommitment } from "../support/seed.js";
import { callOf, handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // Monday
});
afterEach(() => h.close());

describe("a lost client's commitments", () => {
  it("leave /today, the morning digest and the deadline nag alike; an active client's stay", async () => {
    const s = await handoverScene(h);
    // Alpha owes "Выслать акт сверки" by 24.11; Beta (still active) owes a contract renewal the same day.
    seedCommitment(h.db, { teamId: 1, clientId: s.clients.beta, ownerId: s.ids.boris, kind: "deadline", text: "Продление договора", dueOn: "2026-11-24" });
    // Boris loses Alpha today.
    await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    await s.boris.tapButton("Потерян");
    await s.boris.tapButton("ушёл к конкуренту");
    await s.boris.tapButton("Пропустить");
    const seen = s.boris.messages().length;

    // Tuesday: the digest and the deadline nag go out, then Boris opens /today.
    h.clock.set("2026-11-24T10:00:00+03:00");
    h.runJob("daily-digest");
    h.runJob("deadline-nag");
    await h.drainOutbox();
    await s.boris.send("/today");
    const sent = s.boris.messages().slice(seen).map((m) => m.text);
    const digest = sent.find((t) => t.includes("Доброе утро!"));
    const today = s.boris.lastText();
    expect(digest).toBeDefined();
    expect(today).toContain("Ваш список на 24.11");
    for (const text of [digest!, today]) {
      expect(text).toContain("Продление договора");
      expect(text).not.toContain("Выслать акт сверки");
      expect(text).toContain("сроки: 1");
    }
    expect(sent.some((t) => t.includes("Выслать акт сверки"))).toBe(false);
  });
});

describe("a client lost on a colleague's touch", () => {
  it("calls off the owner's open reactivation call, and the last one closes the call campaign step", async () => {
    const s = await handoverScene(h);
    const reactivation = callOf(h, s.clients.alpha);
    // The other clients' reactivation calls are already made.
    h.db.update(calls).set({ status: "reached" }).where(and(eq(calls.kind, "reactivation"), ne(calls.id, reactivation.id))).run();
    const touch = h.db
      .insert(calls)
      .values({ teamId: 1, clientId: s.clients.alpha, assigneeId: s.ids.vera, kind: "second_voice", dueOn: "2026-11-23", createdAt: 0 })
      .returning()
      .get();

    await s.vera.tap(`call:o:${touch.id}`);
    await s.vera.tapButton("Потерян");
    await s.vera.tapButton("ушёл к конкуренту");
    expect(h.errors()).toEqual([]);

    expect(h.db.select().from(calls).where(eq(calls.id, reactivation.id)).get()).toMatchObject({ status: "cancelled", resolvedById: s.ids.vera });
    const step = h.db.select().from(checklistSteps).all().find((st) => st.handoverId === s.handoverId && st.kind === "reactivation")!;
    expect(step.status).not.toBe("open");
    // Nothing left that nobody can see: Boris's card says the call is closed, /report counts nothing overdue.
    await s.boris.tap(`call:o:${reactivation.id}`);
    expect(s.boris.last()!.buttons.flat().map((b) => b.text)).not.toContain("📵 Нет ответа");
    h.clock.set("2026-11-26T10:00:00+03:00");
    await s.lead.send("/report");
    expect(s.lead.lastText()).not.toMatch(/просрочено 1/);
  });
});

