// Issue 13 §7: fewer taps for the lead. A 120-client leaver with two commitments, the whole checklist from
// /offboard to the closed handover, counted in lead actions (messages and taps): at most 12. Steps the bot
// can verify close themselves (interview on the leaver's form, redistribution on apply, reactivation when
// every call is resolved); consecutive manual steps of the lead go in one tap ("✅ 1–2 сделаны").
import { eq } from "drizzle-orm";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, checklistSteps, commitments, handovers } from "../../src/db/schema.js";
import { callData } from "../../src/calls/keyboards.js";
import { recordOutcome } from "../../src/calls/calls.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedManyClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let ivan: Persona;
const people = new Map<number, Persona>();

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  for (const [id, name] of [[200, "Борис"], [201, "Вера"], [202, "Галина"]] as const) {
    const p = await h.join(id, "manager", { first_name: name });
    people.set(memberIdOf(h.db, id), p);
  }
  ivan = await h.join(203, "manager", { first_name: "Иван" });
  seedManyClients(h.db, 1, memberIdOf(h.db, 203), 120);
});
afterEach(() => h.close());

/** Counts every update the lead sends from here on. */
function countLeadActions(): () => number {
  let n = 0;
  const handle = h.handle.bind(h);
  h.handle = async (u: Update) => {
    if ((u.message?.from ?? u.callback_query?.from)?.id === lead.id) n += 1;
    await handle(u);
  };
  return () => n;
}

const steps = () => h.db.select().from(checklistSteps).all();

describe("the whole checklist", () => {
  it("takes the lead at most 12 actions", async () => {
    const actions = countLeadActions();
    await lead.send("/offboard");
    await lead.tapButton("Иван");
    await lead.tapButton("Со скандалом");
    await lead.send("25.11");
    await lead.tapButton("Начать передачу");
    const handoverId = h.db.select().from(handovers).get()!.id;

    // Steps 1 and 2 are the lead's manual ones: one tap.
    await lead.tapButton("✅ 1–2 сделаны");
    expect(steps().filter((s) => s.position <= 2).map((s) => s.status)).toEqual(["done", "done"]);

    // The interview: the form goes to the leaver; his answer closes the step.
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📨 Отправить анкету уходящему");
    await h.drainOutbox();
    await ivan.tapButton("Начать");
    await ivan.send("обещал бесплатную доставку");
    await ivan.tapButton("Без срока");
    await ivan.tapButton("Дальше");
    await ivan.send("прислать акт сверки");
    await ivan.tapButton("Без срока");
    await ivan.tapButton("Завершить");
    expect(h.db.select().from(commitments).all()).toHaveLength(2);
    expect(steps().find((s) => s.kind === "interview")!.status).toBe("done");
    await h.drainOutbox();

    // Redistribution: the step closes on apply.
    await lead.tapButton(/^4\. /);
    await lead.tapButton("📦 Распределить");
    await lead.tapButton("Применить");
    expect(steps().find((s) => s.kind === "redistribute")!.status).toBe("done");

    // The managers call everyone (not the lead's actions); the last outcome closes the reactivation step.
    const all = h.db.select().from(calls).all();
    expect(all).toHaveLength(120);
    h.clock.set("2026-11-25T10:00:00+03:00");
    for (const c of all.slice(0, -1)) {
      expect(recordOutcome(h.db, { ref: { callId: c.id }, actorId: c.assigneeId, outcome: { kind: "reached", nextContactOn: "2026-12-25" }, now: h.clock.now() }).ok).toBe(true);
    }
    const last = all.at(-1)!;
    const manager = people.get(last.assigneeId)!;
    await manager.send("/help");
    await manager.tap(callData.open({ callId: last.id }));
    await manager.tap(callData.reason({ callId: last.id }, "no_need"));
    expect(steps().find((s) => s.kind === "reactivation")!.status).toBe("done");

    // The CRM step is the lead's: one tap, and the final check closes the handover.
    await lead.tapButton("✅ 6 сделано");
    expect(h.db.select().from(handovers).where(eq(handovers.id, handoverId)).get()!.status).toBe("closed");
    expect(steps().every((s) => s.status === "done")).toBe(true);
    expect(actions()).toBeLessThanOrEqual(12);
    expect(actions()).toBe(12); // counted: 5 to start, 1 for steps 1–2, 2 for the form, 3 to distribute, 1 for step 6
    expect(h.errors()).toEqual([]);
  });
});
