// A big distribution applied by a tap, in steps: what other people see and can do meanwhile, what the
// lead sees, and a step that fails half-way (the scheduler finishes it).
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, distributions } from "../../src/db/schema.js";
import { applyInSteps, CLIENTS_PER_STEP } from "../../src/distribution/apply.js";
import { CALLS_PER_STEP } from "../../src/distribution/followup.js";
import { proposeForHandover } from "../../src/distribution/propose.js";
import { nextTurn } from "../../src/distribution/steps.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedManyClients } from "../support/seed.js";
import { seedHandover } from "./distribution-fixtures.js";

/** More clients than one step moves, and more calls than one step writes. */
const COUNT = Math.max(CLIENTS_PER_STEP, CALLS_PER_STEP) * 2 + 500;

let h: Harness;
let lead: Persona;
let boris: Persona;
let ivan: Persona;
let leadId: number;
let leaverId: number;
let handoverId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(201, "manager", { first_name: "Вера" });
  ivan = await h.join(203, "manager", { first_name: "Иван" });
  leadId = memberIdOf(h.db, 100);
  leaverId = memberIdOf(h.db, 203);
  seedManyClients(h.db, 1, leaverId, COUNT);
  // On good terms: the leaver reads their own clients until the last day.
  handoverId = seedHandover(h.db, { teamId: 1, leaverId, startedById: leadId, terms: "good", lastDay: "2026-11-27" });
});
afterEach(() => h.close());

const owns = (memberId: number) => h.db.select({ n: sql<number>`count(*)` }).from(clients).where(eq(clients.ownerId, memberId)).get()!.n;
const statusOf = (id: number) => h.db.select().from(distributions).where(eq(distributions.id, id)).get()!.status;

function propose(): number {
  const proposed = proposeForHandover(h.db, { teamId: 1, handoverId, actorId: leadId, now: h.clock.now() });
  if (!proposed.ok) throw new Error(proposed.reason);
  return proposed.view.distributionId;
}

/** The count in a "My clients — N" list, whatever the thousands separator. */
function listed(text: string | undefined): number {
  const match = /Мои клиенты<\/b> — ([\d\s\u00a0\u202f]+)/u.exec(text ?? "");
  return match ? Number(match[1]!.replace(/\D/g, "")) : NaN;
}

/** The table as the checklist's button shows it. */
async function openTable() {
  await lead.send("/help");
  await lead.tap(`dist:h:${handoverId}`, { messageId: lead.last()!.messageId, chatId: lead.id });
}

describe("a big distribution applied in steps", () => {
  it("leaves the clients not yet moved with the leaver, gives the moved ones to their new owners at once, and answers other taps", async () => {
    const distributionId = propose();
    const seen: { leaver?: string; boris?: string; borisOwns?: number; toast?: string } = {};
    let looked = false;
    const result = await applyInSteps(h.db, { distributionId, teamId: 1, actorId: leadId, now: h.clock.now() }, async () => {
      if (!looked && statusOf(distributionId) === "applying" && owns(leaverId) < COUNT) {
        looked = true;
        await ivan.send("/clients");
        seen.leaver = ivan.lastText();
        await boris.send("/clients");
        seen.boris = boris.lastText();
        seen.borisOwns = owns(memberIdOf(h.db, 200));
        // The lead taps Apply again on the table meanwhile.
        await lead.send("/help");
        await lead.tap(`dist:a:${distributionId}`, { messageId: lead.last()!.messageId });
        seen.toast = lead.toasts().at(-1);
      }
      await nextTurn();
    });
    expect(result).toMatchObject({ kind: "applied", moved: COUNT });
    // Half-way: the leaver still has (read-only) what is not moved yet, the new owner what is.
    expect(listed(seen.leaver)).toBe(COUNT - CLIENTS_PER_STEP);
    expect(seen.borisOwns).toBeGreaterThan(0);
    expect(listed(seen.boris)).toBe(seen.borisOwns);
    expect(seen.toast).toContain("как раз применяется");
    // After: nothing left with the leaver; their list says so.
    await ivan.send("/clients");
    expect(owns(leaverId)).toBe(0);
    expect(h.errors()).toEqual([]);
  });

  it("shows the lead it is under way, then the calls it scheduled", async () => {
    await openTable();
    await lead.tapButton("Применить");
    const edits = h.calls("editMessageText").map((c) => String(c.payload.text));
    const progress = edits.findIndex((t) => t.includes("Планирую звонки для реактивации"));
    const done = edits.findIndex((t) => t.includes("Запланировано звонков для реактивации"));
    expect(progress).toBeGreaterThanOrEqual(0);
    expect(done).toBeGreaterThan(progress);
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["↩️ Отменить распределение"]);
    expect(h.db.select({ n: sql<number>`count(*)` }).from(calls).get()!.n).toBe(COUNT);
    expect(h.errors()).toEqual([]);
  });

  it("stopped half-way by an error: the lead is told, and the scheduler's next tick finishes it", async () => {
    await openTable();
    // The history rows of the second step cannot be written.
    const firstId = h.db.select({ id: sql<number>`min(${clients.id})` }).from(clients).where(eq(clients.ownerId, leaverId)).get()!.id;
    h.db.$client.exec(
      `CREATE TRIGGER events_fail BEFORE INSERT ON client_events WHEN NEW.client_id >= ${firstId + CLIENTS_PER_STEP} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    await lead.tapButton("Применить");
    expect(lead.toasts().at(-1)).toContain("остановилось на полпути");
    expect(h.errors().map((e) => e.msg)).toEqual(["distribution apply interrupted; the scheduler will finish it"]);
    const distributionId = h.db.select().from(distributions).where(eq(distributions.status, "applying")).get()!.id;
    expect(owns(leaverId)).toBe(COUNT - CLIENTS_PER_STEP);

    h.db.$client.exec(`DROP TRIGGER events_fail`);
    h.restart();
    h.tick();
    expect(statusOf(distributionId)).toBe("applied");
    expect(owns(leaverId)).toBe(0);
    expect(h.db.select({ n: sql<number>`count(*)` }).from(calls).where(and(eq(calls.distributionId, distributionId))).get()!.n).toBe(COUNT);
    await h.drainOutbox();
    expect(boris.messages().filter((m) => m.text.includes("Вам передано"))).toHaveLength(1);
  });
});
