import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, checklistSteps, clientEvents, clients, notifications } from "../../src/db/schema.js";
import { addCallNote, recordOutcome, type AttemptsAlert } from "../../src/calls/calls.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { seedClients } from "../support/seed.js";
import { seedAppliedHandover, seedMember, seedTeam } from "./calls.fixtures.js";

let db: Db;
let teamId: number;
let lead: number;
let leaver: number;
let boris: number;
let vera: number;
let clientIds: number[];
let handoverId: number;
const monday = new Date("2026-11-23T09:00:00+03:00");

beforeEach(() => {
  db = openDatabase(":memory:");
  teamId = seedTeam(db);
  lead = seedMember(db, teamId, "Анна", "lead", 100);
  leaver = seedMember(db, teamId, "Мария");
  boris = seedMember(db, teamId, "Борис", "manager", 200);
  vera = seedMember(db, teamId, "Вера", "manager", 300);
  clientIds = seedClients(db, teamId, [{ name: "Альфа", ownerId: leaver }, { name: "Бета", ownerId: leaver }]);
  handoverId = seedAppliedHandover(db, { teamId, leaverId: leaver, leadId: lead, lastDay: "2026-11-23", moves: clientIds.map((clientId) => ({ clientId, to: boris })), now: monday }).handoverId;
});
afterEach(() => closeDatabase(db));

const callOf = (clientId: number) => db.select().from(calls).where(eq(calls.clientId, clientId)).orderBy(asc(calls.id)).all().at(-1)!;
const clientRow = (id: number) => db.select().from(clients).where(eq(clients.id, id)).get()!;
const events = (clientId: number) => db.select().from(clientEvents).where(eq(clientEvents.clientId, clientId)).all();
const stepStatus = () => db.select().from(checklistSteps).where(eq(checklistSteps.handoverId, handoverId)).get()!.status;

describe("recordOutcome", () => {
  it("reached: requires a future next contact, sets it on the client and writes the history", () => {
    const call = callOf(clientIds[0]!);
    const past = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2026-11-23" }, now: monday });
    expect(past).toEqual({ ok: false, reason: "bad_date" });
    expect(callOf(clientIds[0]!).status).toBe("open");

    const r = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2027-02-23" }, now: monday });
    expect(r).toMatchObject({ ok: true, status: "reached", reactivationDoneFor: null });
    expect(callOf(clientIds[0]!)).toMatchObject({ status: "reached", nextContactOn: "2027-02-23", resolvedById: boris });
    expect(clientRow(clientIds[0]!)).toMatchObject({ nextContactOn: "2027-02-23", lastContactOn: "2026-11-23" });
    expect(events(clientIds[0]!).map((e) => e.kind)).toEqual(["call_reached"]);
  });

  it("no answer: counts attempts, moves to the next working day and tells the leads once, at the third", () => {
    const call = callOf(clientIds[0]!);
    const alerts: AttemptsAlert[] = [];
    const hooks = {
      onAttemptsExhausted: (tx: Parameters<typeof enqueue>[0], alert: AttemptsAlert) => {
        alerts.push(alert);
        enqueue(tx, { chatId: 100, kind: "test", dedupeKey: `t:${alert.callId}`, text: "x" }, monday);
      },
    };
    const friday = new Date("2026-11-27T12:00:00+03:00");
    const first = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "no_answer" }, now: friday, ...hooks });
    expect(first).toMatchObject({ ok: true, status: "open", attempts: 1, dueOn: "2026-11-30" }); // over the weekend
    recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "no_answer" }, now: friday, ...hooks });
    expect(alerts).toHaveLength(0);
    recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "no_answer" }, now: friday, ...hooks });
    expect(alerts).toEqual([expect.objectContaining({ attempts: 3, clientName: "Альфа", assigneeName: "Борис", leads: [{ memberId: lead, telegramId: 100 }] })]);
    recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "no_answer" }, now: friday, ...hooks });
    expect(alerts).toHaveLength(1);
    expect(db.select().from(notifications).all()).toHaveLength(1);
    expect(callOf(clientIds[0]!).attempts).toBe(4);
    expect(events(clientIds[0]!).map((e) => e.kind)).toEqual(["call_no_answer", "call_no_answer", "call_no_answer", "call_no_answer"]);
  });

  it("call back at: moves the call to the date and time, refusing the past", () => {
    const call = callOf(clientIds[0]!);
    const earlier = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "callback", date: "2026-11-23", time: "08:30" }, now: monday });
    expect(earlier).toEqual({ ok: false, reason: "bad_date" });
    const r = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "callback", date: "2026-11-25", time: "15:00" }, now: monday });
    expect(r).toMatchObject({ ok: true, status: "open", dueOn: "2026-11-25", dueTime: "15:00" });
  });

  it("lost: records the reason and marks the client lost", () => {
    const call = callOf(clientIds[1]!);
    const r = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "lost", reason: "went_with_leaver" }, now: monday });
    expect(r.ok).toBe(true);
    expect(callOf(clientIds[1]!)).toMatchObject({ status: "lost", lostReason: "went_with_leaver" });
    expect(clientRow(clientIds[1]!).status).toBe("lost");
    expect(events(clientIds[1]!)[0]).toMatchObject({ kind: "call_lost", actorId: boris, details: { kind: "reactivation", callId: call.id, reason: "went_with_leaver" } });
  });

  it("only the assignee or a lead may record; another manager changes nothing", () => {
    const call = callOf(clientIds[0]!);
    const r = recordOutcome(db, { ref: { callId: call.id }, actorId: vera, outcome: { kind: "lost", reason: "no_need" }, now: monday });
    // Not hers to see at all (maySeeCall): she is told so, as on the client card.
    expect(r).toEqual({ ok: false, reason: "hidden" });
    expect(callOf(clientIds[0]!).status).toBe("open");
    expect(events(clientIds[0]!)).toEqual([]);
    const byLead = recordOutcome(db, { ref: { callId: call.id }, actorId: lead, outcome: { kind: "lost", reason: "no_need" }, now: monday });
    expect(byLead.ok).toBe(true);
    expect(callOf(clientIds[0]!).resolvedById).toBe(lead);
  });

  it("a resolved call stays as it is (double taps, stale cards), and a call of another team is not found", () => {
    const call = callOf(clientIds[0]!);
    recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2026-12-01" }, now: monday });
    const again = recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "lost", reason: "other" }, now: monday });
    expect(again).toEqual({ ok: false, reason: "resolved", callId: call.id, status: "reached" });
    expect(callOf(clientIds[0]!).status).toBe("reached");

    const otherTeam = seedTeam(db, { name: "Чужие" });
    const stranger = seedMember(db, otherTeam, "Чужой", "lead", 999);
    expect(recordOutcome(db, { ref: { callId: call.id }, actorId: stranger, outcome: { kind: "no_answer" }, now: monday })).toEqual({ ok: false, reason: "not_found" });
    expect(recordOutcome(db, { ref: { callId: 987654 }, actorId: boris, outcome: { kind: "no_answer" }, now: monday })).toEqual({ ok: false, reason: "not_found" });
  });

  it("completes the handover's reactivation step when the last call is resolved", () => {
    const [a, b] = clientIds.map(callOf);
    recordOutcome(db, { ref: { callId: a!.id }, actorId: boris, outcome: { kind: "no_answer" }, now: monday });
    recordOutcome(db, { ref: { callId: a!.id }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2026-12-23" }, now: monday });
    expect(stepStatus()).toBe("open");
    const last = recordOutcome(db, { ref: { callId: b!.id }, actorId: boris, outcome: { kind: "lost", reason: "competitor" }, now: monday });
    expect(last).toMatchObject({ ok: true, reactivationDoneFor: handoverId });
    expect(stepStatus()).toBe("done");
  });

  it("logs an ordinary call from the client card: the open call is used, or a new ordinary one is created", () => {
    // The client has an open reactivation call: logging from the card resolves that one.
    const viaCard = recordOutcome(db, { ref: { clientId: clientIds[0]! }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2026-12-07" }, now: monday });
    expect(viaCard).toMatchObject({ ok: true, callId: callOf(clientIds[0]!).id });
    expect(db.select().from(calls).where(eq(calls.clientId, clientIds[0]!)).all()).toHaveLength(1);
    // No open call now: a second log creates an ordinary call, already resolved.
    const again = recordOutcome(db, { ref: { clientId: clientIds[0]! }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2027-01-11" }, now: monday });
    expect(again.ok).toBe(true);
    const rows = db.select().from(calls).where(eq(calls.clientId, clientIds[0]!)).orderBy(asc(calls.id)).all();
    expect(rows.map((r) => [r.kind, r.status])).toEqual([["reactivation", "reached"], ["ordinary", "reached"]]);
    expect(clientRow(clientIds[0]!).nextContactOn).toBe("2027-01-11");
    // Another manager may not log calls on Boris's client.
    expect(recordOutcome(db, { ref: { clientId: clientIds[0]! }, actorId: vera, outcome: { kind: "no_answer" }, now: monday })).toEqual({ ok: false, reason: "hidden" });
  });

  it("adds a note to a recorded call, in the history too", () => {
    const call = callOf(clientIds[0]!);
    recordOutcome(db, { ref: { callId: call.id }, actorId: boris, outcome: { kind: "reached", nextContactOn: "2026-12-01" }, now: monday });
    expect(addCallNote(db, { callId: call.id, actorId: vera, note: "чужая", now: monday })).toBe("forbidden");
    expect(addCallNote(db, { callId: call.id, actorId: boris, note: "Просит КП <к пятнице>", now: monday })).toBe("saved");
    expect(callOf(clientIds[0]!).note).toBe("Просит КП <к пятнице>");
    expect(events(clientIds[0]!).map((e) => e.kind)).toEqual(["call_reached", "call_note"]);
  });
});
