import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { checklistSteps, clients, handovers, members, notifications } from "../../src/db/schema.js";
import { auditOf } from "../../src/db/audit.js";
import { stepsOf } from "../../src/handover/checklist.js";
import { atStake, activeHandovers, cancelHandover, checkLeaver, leaverCandidates, startHandover } from "../../src/handover/handovers.js";
import { createTeam } from "../../src/team/teams.js";
import { seedClients, seedCommitment, seedNameOnlyMember } from "../support/seed.js";

const now = new Date("2026-11-23T09:00:00+03:00");
let db: Db;
let lead: number;
let boris: number;
let vera: number;

function addMember(name: string, role: "lead" | "manager", telegramId: number): number {
  return db.insert(members).values({ teamId: 1, name, role, telegramId, reachability: "ok", createdAt: 0 }).returning().get().id;
}

beforeEach(() => {
  db = openDatabase(":memory:");
  lead = createTeam(db, { name: "Продажи", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now }).member.id;
  boris = addMember("Борис", "manager", 200);
  vera = addMember("Вера", "manager", 300);
});
afterEach(() => closeDatabase(db));

const start = (leaverId: number, extra: Partial<Parameters<typeof startHandover>[1]> = {}) =>
  startHandover(db, { teamId: 1, leaverId, startedById: lead, terms: "good", lastDay: "2026-11-27", today: "2026-11-23", now, ...extra });

describe("starting a handover", () => {
  it("marks the leaver departing, copies the default template with due dates, and audits it", () => {
    seedClients(db, 1, [{ name: "Иванов", ownerId: boris }]);
    const r = start(boris);
    expect(r).toMatchObject({ ok: true, noClients: false });
    if (!r.ok) return;
    const h = db.select().from(handovers).where(eq(handovers.id, r.handoverId)).get()!;
    expect(h).toMatchObject({ status: "active", leaverPreviousStatus: "active", terms: "good", lastDay: "2026-11-27" });
    expect(db.select().from(members).where(eq(members.id, boris)).get()!.status).toBe("departing");
    const steps = stepsOf(db, r.handoverId);
    expect(steps.map((s) => [s.kind, s.dueOn, s.status, s.responsibleId])).toEqual([
      ["stop_routing", "2026-11-23", "open", lead],
      ["revoke_access", "2026-11-27", "open", lead],
      ["interview", "2026-11-26", "open", lead],
      ["redistribute", "2026-11-27", "open", lead],
      ["reactivation", "2026-12-04", "open", lead],
      ["crm_update", "2026-11-28", "open", lead],
      ["final_check", "2026-12-04", "open", lead],
    ]);
    expect(auditOf(db, r.handoverId).map((a) => a.action)).toEqual(["handover_started"]);
  });

  it("never sets a due date before the handover's first day (last day today)", () => {
    const r = start(boris, { lastDay: "2026-11-23" });
    if (!r.ok) throw new Error("not started");
    expect(stepsOf(db, r.handoverId).find((s) => s.kind === "interview")!.dueOn).toBe("2026-11-23");
  });

  it("completes redistribution and calls at once for a leaver without clients", () => {
    const r = start(boris);
    expect(r).toMatchObject({ ok: true, noClients: true });
    if (!r.ok) return;
    const steps = stepsOf(db, r.handoverId);
    expect(steps.filter((s) => s.status === "done").map((s) => s.kind)).toEqual(["redistribute", "reactivation"]);
    expect(auditOf(db, r.handoverId).filter((a) => a.action === "step_auto_done")).toHaveLength(2);
    expect(db.select().from(handovers).get()!.status).toBe("active");
  });

  it("refuses the same leaver twice but allows two leavers at once", () => {
    const first = start(boris);
    expect(first.ok).toBe(true);
    expect(start(boris)).toMatchObject({ ok: false, reason: "already", name: "Борис" });
    expect(start(vera).ok).toBe(true);
    expect(activeHandovers(db, 1).map((h) => h.leaverName)).toEqual(["Борис", "Вера"]);
    expect(leaverCandidates(db, 1).find((c) => c.id === boris)!.handoverId).toBe(first.ok ? first.handoverId : -1);
  });

  it("lets a lead offboard themselves only when another lead remains", () => {
    expect(checkLeaver(db, { teamId: 1, leaverId: lead, starterId: lead })).toEqual({ ok: false, reason: "self_only_lead" });
    const coLead = addMember("Глеб", "lead", 400);
    const check = checkLeaver(db, { teamId: 1, leaverId: lead, starterId: lead });
    expect(check).toMatchObject({ ok: true, notes: { isSelf: true, isLead: true } });
    const r = start(lead);
    if (!r.ok) throw new Error("not started");
    expect(new Set(stepsOf(db, r.handoverId).map((s) => s.responsibleId))).toEqual(new Set([coLead]));
  });

  it("notices when nobody else could take the clients", () => {
    db.update(members).set({ status: "left" }).where(eq(members.id, vera)).run();
    expect(checkLeaver(db, { teamId: 1, leaverId: boris, starterId: lead })).toMatchObject({ ok: true, notes: { noOtherManagers: true } });
  });

  it("offers name-only members and refuses members of another team or who left", () => {
    const nameOnly = seedNameOnlyMember(db, 1, "Дмитрий");
    expect(leaverCandidates(db, 1).find((c) => c.id === nameOnly)).toMatchObject({ nameOnly: true });
    db.update(members).set({ status: "left" }).where(eq(members.id, vera)).run();
    expect(checkLeaver(db, { teamId: 1, leaverId: vera, starterId: lead })).toEqual({ ok: false, reason: "not_found" });
    expect(checkLeaver(db, { teamId: 2, leaverId: boris, starterId: lead })).toEqual({ ok: false, reason: "not_found" });
  });

  it("refuses a starter who is not a lead", () => {
    expect(startHandover(db, { teamId: 1, leaverId: vera, startedById: boris, terms: "bad", lastDay: "2026-11-27", today: "2026-11-23", now })).toEqual({ ok: false, reason: "not_lead" });
    expect(db.select().from(handovers).all()).toEqual([]);
  });
});

describe("cancelling a handover", () => {
  it("gives the leaver their previous status back and keeps everything else", () => {
    const [c] = seedClients(db, 1, [{ name: "Иванов", ownerId: boris }]);
    const r = start(boris);
    if (!r.ok) throw new Error("not started");
    seedCommitment(db, { teamId: 1, clientId: c!, ownerId: boris, text: "КП" });
    expect(cancelHandover(db, { handoverId: r.handoverId, actorId: lead, now })).toBe("cancelled");
    expect(cancelHandover(db, { handoverId: r.handoverId, actorId: lead, now })).toBe("not_active");
    expect(db.select().from(members).where(eq(members.id, boris)).get()!.status).toBe("active");
    expect(db.select().from(handovers).get()!.status).toBe("cancelled");
    expect(db.select().from(checklistSteps).all()).toHaveLength(7);
    expect(auditOf(db, r.handoverId).map((a) => a.action)).toEqual(["handover_started", "handover_cancelled"]);
    // A new handover for the same person is possible again.
    expect(start(boris).ok).toBe(true);
  });
});

describe("what is at stake", () => {
  it("counts clients by temperature, commitments by kind, deadlines, next contacts and overdue ones", () => {
    const ids = seedClients(db, 1, [
      { name: "Иванов", ownerId: boris, temperature: "hot", nextContactOn: "2026-11-20" },
      { name: "Петрова", ownerId: boris, temperature: "hot", nextContactOn: "2026-11-25" },
      { name: "Сидоров", ownerId: boris, temperature: "cold" },
      { name: "Чужой", ownerId: vera, temperature: "warm", nextContactOn: "2026-11-24" },
    ]);
    db.update(clients).set({ status: "lost" }).where(eq(clients.id, ids[2]!)).run();
    seedCommitment(db, { teamId: 1, clientId: ids[0]!, ownerId: boris, kind: "document", text: "Акт", dueOn: "2026-11-30" });
    seedCommitment(db, { teamId: 1, clientId: ids[0]!, ownerId: boris, kind: "promise", text: "Скидка", dueOn: "2026-11-21" });
    seedCommitment(db, { teamId: 1, clientId: ids[1]!, ownerId: boris, kind: "deadline", text: "Тендер", dueOn: "2026-12-15" });
    seedCommitment(db, { teamId: 1, clientId: ids[3]!, ownerId: vera, kind: "document", text: "Чужой акт", dueOn: "2026-11-24" });
    const s = atStake(db, { teamId: 1, leaverId: boris, today: "2026-11-23" });
    expect(s.clients).toEqual({ hot: 2, warm: 0, cold: 0, total: 2 });
    expect(s.commitments).toEqual({ open: 3, documents: 1, promises: 1, deadlines: 1, overdue: 1 });
    expect(s.soon).toEqual([{ dueOn: "2026-11-30", client: "Иванов", kind: "document", text: "Акт" }]);
    expect(s.soonTotal).toBe(1);
    expect(s.nextContacts).toEqual({ overdue: 1, dueSoon: 1 });
  });
});

describe("no leaked messages", () => {
  it("enqueues nothing when a handover starts", () => {
    start(boris);
    expect(db.select().from(notifications).all()).toEqual([]);
  });
});
