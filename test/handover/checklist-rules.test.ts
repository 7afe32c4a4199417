import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { clients, distributionItems, distributions, handovers, members, notifications } from "../../src/db/schema.js";
import { auditOf } from "../../src/db/audit.js";
import {
  checkStepAction,
  completeStep,
  handoverClientCounts,
  markStepDoneAutomatically,
  reevaluateFinalCheck,
  reopenStepAutomatically,
  setStepDue,
  setStepResponsible,
  skipStep,
  stepsOf,
} from "../../src/handover/checklist.js";
import { ASAP_OFFSET, dueDateFor, editTemplate, parseOffset, templateOf } from "../../src/handover/checklist-template.js";
import { startHandover } from "../../src/handover/handovers.js";
import { createTeam } from "../../src/team/teams.js";
import { seedClients } from "../support/seed.js";

const now = new Date("2026-11-23T09:00:00+03:00");
let db: Db;
let lead: number;
let boris: number;
let vera: number;
let handoverId: number;

function addMember(name: string, role: "lead" | "manager", telegramId: number | null): number {
  return db.insert(members).values({ teamId: 1, name, role, telegramId, reachability: "ok", createdAt: 0 }).returning().get().id;
}
const step = (kind: string) => stepsOf(db, handoverId).find((s) => s.kind === kind)!;
const handover = () => db.select().from(handovers).where(eq(handovers.id, handoverId)).get()!;

/** What the distribution flow does: every client to a new owner, previous owner remembered. */
function distributeAll(to: number) {
  db.transaction((tx) => {
    const d = tx.insert(distributions).values({ teamId: 1, handoverId, createdById: lead, status: "applied", createdAt: 0 }).returning().get();
    const moved = tx.select().from(clients).where(eq(clients.ownerId, boris)).all();
    for (const c of moved) {
      tx.insert(distributionItems).values({ distributionId: d.id, clientId: c.id, fromMemberId: boris, toMemberId: to }).run();
      tx.update(clients).set({ ownerId: to, previousOwnerId: boris }).where(eq(clients.id, c.id)).run();
    }
    markStepDoneAutomatically(tx, { handoverId, kind: "redistribute", now });
  });
}

beforeEach(() => {
  db = openDatabase(":memory:");
  lead = createTeam(db, { name: "Продажи", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now }).member.id;
  boris = addMember("Борис", "manager", 200);
  vera = addMember("Вера", "manager", 300);
  seedClients(db, 1, [
    { name: "Иванов", ownerId: boris, temperature: "hot" },
    { name: "Петрова", ownerId: boris, temperature: "cold" },
  ]);
  const r = startHandover(db, { teamId: 1, leaverId: boris, startedById: lead, terms: "good", lastDay: "2026-11-27", today: "2026-11-23", now });
  if (!r.ok) throw new Error("not started");
  handoverId = r.handoverId;
});
afterEach(() => closeDatabase(db));

function closeManualSteps() {
  for (const kind of ["stop_routing", "revoke_access", "interview", "crm_update"]) {
    expect(completeStep(db, { handoverId, stepId: step(kind).id, actorId: lead, now })).toMatchObject({ ok: true });
  }
}

describe("the final check", () => {
  it("closes the handover, marks the leaver left and sends the lead a summary once everything is done", () => {
    closeManualSteps();
    distributeAll(vera);
    expect(handover().status).toBe("active"); // the calls are still to come
    db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId, kind: "reactivation", now }));
    expect(handover()).toMatchObject({ status: "closed", closedAt: now.getTime() });
    expect(step("final_check").status).toBe("done");
    expect(db.select().from(members).where(eq(members.id, boris)).get()!.status).toBe("left");
    const summary = db.select().from(notifications).all();
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ chatId: 100, kind: "handover_closed", dedupeKey: `handover-closed:${handoverId}` });
    const text = String((summary[0]!.payload as { text: string }).text);
    expect(text).toContain("Передача дел завершена: Борис");
    expect(text).toContain("Клиентов передано: <b>2</b>");
    expect(text).toContain("• Вера — 2");
    expect(auditOf(db, handoverId).map((a) => a.action).slice(-3)).toEqual(["step_auto_done", "step_auto_done", "handover_closed"]);
  });

  it("does not close while a client of the handover sits unassigned, even with every step done", () => {
    closeManualSteps();
    distributeAll(vera);
    const [pooled] = seedClients(db, 1, [{ name: "Вернулся из импорта", ownerId: null }]);
    db.update(clients).set({ previousOwnerId: boris }).where(eq(clients.id, pooled!)).run();
    db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId, kind: "reactivation", now }));
    expect(handover().status).toBe("active");
    expect(handoverClientCounts(db, handover())).toEqual({ ownedByLeaver: 0, unassigned: 1 });
    db.update(clients).set({ ownerId: vera }).where(eq(clients.id, pooled!)).run();
    expect(db.transaction((tx) => reevaluateFinalCheck(tx, { handoverId, now }))).toBe(true);
    expect(handover().status).toBe("closed");
  });

  it("counts clients put back in the pool by an undone distribution of this handover", () => {
    distributeAll(vera);
    db.update(clients).set({ ownerId: null, previousOwnerId: null }).run();
    expect(handoverClientCounts(db, handover())).toEqual({ ownedByLeaver: 0, unassigned: 2 });
    expect(db.transaction((tx) => reopenStepAutomatically(tx, { handoverId, kind: "redistribute", now }))).toBe(true);
    expect(step("redistribute").status).toBe("open");
    expect(auditOf(db, handoverId).at(-1)!.action).toBe("step_auto_reopened");
  });

  it("is never forced: asking for final_check only re-evaluates", () => {
    expect(db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId, kind: "final_check", now }))).toBe(false);
    expect(step("final_check").status).toBe("open");
  });
});

describe("automatic steps", () => {
  it("are idempotent and write one audit entry", () => {
    expect(db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId, kind: "reactivation", now }))).toBe(true);
    expect(db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId, kind: "reactivation", now }))).toBe(false);
    expect(auditOf(db, handoverId).filter((a) => a.action === "step_auto_done")).toEqual([{ action: "step_auto_done", actorId: null, details: { stepId: step("reactivation").id, kind: "reactivation" } }]);
  });

  it("do nothing on a cancelled handover", () => {
    db.update(handovers).set({ status: "cancelled" }).run();
    expect(db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId, kind: "redistribute", now }))).toBe(false);
    expect(step("redistribute").status).toBe("open");
  });
});

describe("lead actions on steps", () => {
  it("refuses Done on the steps the bot verifies, and twice on the same step", () => {
    expect(completeStep(db, { handoverId, stepId: step("redistribute").id, actorId: lead, now })).toEqual({ ok: false, reason: "verified" });
    const id = step("stop_routing").id;
    expect(completeStep(db, { handoverId, stepId: id, actorId: lead, now })).toEqual({ ok: true, closed: false });
    expect(completeStep(db, { handoverId, stepId: id, actorId: lead, now })).toEqual({ ok: false, reason: "not_open" });
    expect(auditOf(db, handoverId).filter((a) => a.action === "step_done")).toHaveLength(1);
  });

  it("requires a reason to skip; never skips the final check; skips redistribution only when no client is left", () => {
    const s = step("revoke_access").id;
    expect(skipStep(db, { handoverId, stepId: s, actorId: lead, reason: " ", now })).toEqual({ ok: false, reason: "bad_reason" });
    expect(skipStep(db, { handoverId, stepId: s, actorId: lead, reason: "Доступов не было", now })).toMatchObject({ ok: true });
    expect(step("revoke_access")).toMatchObject({ status: "skipped", skipReason: "Доступов не было", completedById: lead });
    expect(skipStep(db, { handoverId, stepId: step("final_check").id, actorId: lead, reason: "надоело", now })).toEqual({ ok: false, reason: "final" });
    expect(skipStep(db, { handoverId, stepId: step("redistribute").id, actorId: lead, reason: "потом", now })).toEqual({ ok: false, reason: "clients_left" });
    db.update(clients).set({ ownerId: vera }).run();
    expect(skipStep(db, { handoverId, stepId: step("redistribute").id, actorId: lead, reason: "Перенесли в CRM", now })).toMatchObject({ ok: true });
    expect(skipStep(db, { handoverId, stepId: step("reactivation").id, actorId: lead, reason: "Клиенты в курсе", now })).toMatchObject({ ok: true });
  });

  it("sets the responsible person (not the leaver, not a stranger) and the due date", () => {
    const s = step("interview").id;
    expect(setStepResponsible(db, { handoverId, stepId: s, actorId: lead, memberId: boris, now })).toEqual({ ok: false, reason: "bad_member" });
    expect(setStepResponsible(db, { handoverId, stepId: s, actorId: lead, memberId: 999, now })).toEqual({ ok: false, reason: "bad_member" });
    expect(setStepResponsible(db, { handoverId, stepId: s, actorId: lead, memberId: vera, now })).toMatchObject({ ok: true });
    expect(setStepDue(db, { handoverId, stepId: s, actorId: lead, dueOn: "2026-11-25", now })).toMatchObject({ ok: true });
    expect(step("interview")).toMatchObject({ responsibleId: vera, dueOn: "2026-11-25" });
    const due = auditOf(db, handoverId).find((a) => a.action === "step_due")!;
    expect(due.details).toMatchObject({ from: "2026-11-26", to: "2026-11-25" });
  });

  it("refuses a step of another handover", () => {
    const r = startHandover(db, { teamId: 1, leaverId: vera, startedById: lead, terms: "bad", lastDay: "2026-11-30", today: "2026-11-23", now });
    if (!r.ok) throw new Error("not started");
    const foreign = stepsOf(db, r.handoverId)[0]!.id;
    expect(checkStepAction(db, { handoverId, stepId: foreign, action: "done" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("the template", () => {
  it("computes due dates from the last day, never before the start", () => {
    expect(dueDateFor(ASAP_OFFSET, "2026-11-23", "2026-11-27")).toBe("2026-11-23");
    expect(dueDateFor(-1, "2026-11-23", "2026-11-27")).toBe("2026-11-26");
    expect(dueDateFor(-10, "2026-11-23", "2026-11-27")).toBe("2026-11-23");
    expect(dueDateFor(7, "2026-11-23", "2026-11-27")).toBe("2026-12-04");
  });

  it("reads typed offsets", () => {
    expect([parseOffset("+2"), parseOffset("-1"), parseOffset("0"), parseOffset("сразу"), parseOffset("Now"), parseOffset("− 3")]).toEqual([2, -1, 0, ASAP_OFFSET, ASAP_OFFSET, -3]);
    expect([parseOffset("61"), parseOffset("завтра"), parseOffset("")]).toEqual([null, null, null]);
  });

  it("adds before the final check, rewords, reorders, changes offsets, removes — keeping the rules", () => {
    const e = (edit: Parameters<typeof editTemplate>[1]["edit"]) => editTemplate(db, { teamId: 1, actorId: lead, edit, now });
    const added = e({ op: "add", title: "Забрать ноутбук", offsetDays: 0 });
    if (!added.ok) throw new Error("not added");
    expect(added.steps.map((s) => s.kind)).toEqual(["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "custom", "final_check"]);
    const laptop = added.steps[6]!.id!;
    expect(e({ op: "move", stepId: laptop, direction: 1 })).toEqual({ ok: false, reason: "edge" });
    expect(e({ op: "move", stepId: added.steps[7]!.id!, direction: -1 })).toEqual({ ok: false, reason: "fixed_last" });
    expect(e({ op: "move", stepId: laptop, direction: -1 }).ok).toBe(true);
    expect(e({ op: "rename", stepId: laptop, title: "Забрать ноутбук и пропуск" }).ok).toBe(true);
    expect(e({ op: "rename", stepId: laptop, title: null })).toEqual({ ok: false, reason: "bad_title" });
    expect(e({ op: "offset", stepId: laptop, offsetDays: 99 })).toEqual({ ok: false, reason: "bad_offset" });
    expect(e({ op: "offset", stepId: laptop, offsetDays: -2 }).ok).toBe(true);
    const redistribute = templateOf(db, 1).find((s) => s.kind === "redistribute")!.id!;
    expect(e({ op: "remove", stepId: redistribute })).toEqual({ ok: false, reason: "required" });
    const interview = templateOf(db, 1).find((s) => s.kind === "interview")!.id!;
    expect(e({ op: "remove", stepId: interview }).ok).toBe(true);
    const t = templateOf(db, 1);
    expect(t.map((s) => [s.kind, s.title, s.offsetDays])).toEqual([
      ["stop_routing", null, ASAP_OFFSET],
      ["revoke_access", null, 0],
      ["redistribute", null, 0],
      ["reactivation", null, 7],
      ["custom", "Забрать ноутбук и пропуск", -2],
      ["crm_update", null, 1],
      ["final_check", null, 7],
    ]);
    expect(t.find((s) => s.kind === "custom")!.id).toBe(laptop); // ids survive edits
    // A new handover copies the team's template.
    const r = startHandover(db, { teamId: 1, leaverId: vera, startedById: lead, terms: "good", lastDay: "2026-11-30", today: "2026-11-23", now });
    if (!r.ok) throw new Error("not started");
    expect(stepsOf(db, r.handoverId).map((s) => [s.kind, s.title, s.dueOn])).toContainEqual(["custom", "Забрать ноутбук и пропуск", "2026-11-28"]);
    expect(e({ op: "reset" }).ok).toBe(true);
    expect(templateOf(db, 1).map((s) => s.kind)).toEqual(["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "final_check"]);
  });
});
