import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, clients, distributions, teams } from "../../src/db/schema.js";
import { cancelReactivationCalls, hasRecordedCalls, scheduleReactivationCalls } from "../../src/calls/reactivation.js";
import { recordOutcome } from "../../src/calls/calls.js";
import { seedClients, seedCommitment } from "../support/seed.js";
import { seedAppliedHandover, seedAppliedPoolDistribution, seedMember, seedTeam } from "./calls.fixtures.js";

let db: Db;
let teamId: number;
let lead: number;
let leaver: number;
let boris: number;
let vera: number;
const now = new Date("2026-11-23T09:00:00+03:00"); // Monday

beforeEach(() => {
  db = openDatabase(":memory:");
  teamId = seedTeam(db);
  lead = seedMember(db, teamId, "Анна", "lead", 100);
  leaver = seedMember(db, teamId, "Мария");
  boris = seedMember(db, teamId, "Борис", "manager", 200);
  vera = seedMember(db, teamId, "Вера", "manager", 300);
});
afterEach(() => closeDatabase(db));

const callsOf = () => db.select().from(calls).orderBy(asc(calls.dueOn), asc(calls.id)).all();

describe("scheduleReactivationCalls", () => {
  it("creates one call per moved client, owned by the new manager, inside the campaign window", () => {
    const ids = seedClients(db, teamId, Array.from({ length: 12 }, (_, i) => ({ name: `К${i}`, ownerId: leaver })));
    const { scheduled, handoverId } = seedAppliedHandover(db, {
      teamId,
      leaverId: leaver,
      leadId: lead,
      lastDay: "2026-11-25", // Wednesday
      moves: ids.map((clientId, i) => ({ clientId, to: i % 2 ? boris : vera })),
      now,
    });
    expect(scheduled).toBe(12);
    const rows = callsOf();
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.clientId))).toEqual(new Set(ids));
    for (const r of rows) {
      expect(r.kind).toBe("reactivation");
      expect(r.status).toBe("open");
      expect(r.handoverId).toBe(handoverId);
      expect(r.assigneeId).toBe(ids.indexOf(r.clientId) % 2 ? boris : vera);
      // Window: Wed 25th + 4 more working days (Thu, Fri, Mon, Tue) — no weekend days.
      expect(["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"]).toContain(r.dueOn);
    }
  });

  it("starts today when the last day has passed, puts hot and near-deadline clients first and respects the daily cap", () => {
    db.update(teams).set({ maxCallsPerDay: 2, campaignDays: 2 }).where(eq(teams.id, teamId)).run();
    const [cold, warm, hot, deadline] = seedClients(db, teamId, [
      { name: "cold", ownerId: leaver, temperature: "cold" },
      { name: "warm", ownerId: leaver, temperature: "warm" },
      { name: "hot", ownerId: leaver, temperature: "hot" },
      { name: "deadline", ownerId: leaver, temperature: "cold" },
    ]);
    seedCommitment(db, { teamId, clientId: deadline!, ownerId: leaver, kind: "deadline", text: "КП", dueOn: "2026-11-24" });
    seedAppliedHandover(db, { teamId, leaverId: leaver, leadId: lead, lastDay: "2026-11-20", moves: [cold, warm, hot, deadline].map((clientId) => ({ clientId: clientId!, to: boris })), now });
    const due = Object.fromEntries(callsOf().map((r) => [r.clientId, r.dueOn]));
    // Two days × two calls: hot and the deadline on Monday (today), the rest on Tuesday.
    expect(due[hot!]).toBe("2026-11-23");
    expect(due[deadline!]).toBe("2026-11-23");
    expect(due[warm!]).toBe("2026-11-24");
    expect(due[cold!]).toBe("2026-11-24");
  });

  it("counts the calls a manager already has against the cap and never drops a call", () => {
    db.update(teams).set({ maxCallsPerDay: 3, campaignDays: 1 }).where(eq(teams.id, teamId)).run();
    const first = seedClients(db, teamId, [{ name: "a", ownerId: leaver }, { name: "b", ownerId: leaver }]);
    seedAppliedHandover(db, { teamId, leaverId: leaver, leadId: lead, lastDay: "2026-11-23", moves: first.map((clientId) => ({ clientId, to: boris })), now });
    const second = seedClients(db, teamId, [{ name: "c", ownerId: vera }, { name: "d", ownerId: vera }, { name: "e", ownerId: vera }]);
    seedAppliedPoolDistribution(db, { teamId, leadId: lead, moves: second.map((clientId) => ({ clientId, to: boris, from: vera })), now });
    const perDay = new Map<string, number>();
    for (const r of callsOf()) perDay.set(r.dueOn, (perDay.get(r.dueOn) ?? 0) + 1);
    expect(Object.fromEntries(perDay)).toEqual({ "2026-11-23": 3, "2026-11-24": 2 });
  });

  it("is idempotent and skips lost clients", () => {
    const [a, b, c] = seedClients(db, teamId, [{ name: "a", ownerId: leaver }, { name: "b", ownerId: leaver }, { name: "c", ownerId: leaver }]);
    db.update(clients).set({ status: "lost" }).where(eq(clients.id, c!)).run();
    const { distributionId, scheduled } = seedAppliedHandover(db, {
      teamId,
      leaverId: leaver,
      leadId: lead,
      lastDay: "2026-11-23",
      moves: [{ clientId: a!, to: boris }, { clientId: b!, to: vera }, { clientId: c!, to: vera }],
      now,
    });
    expect(scheduled).toBe(2);
    expect(scheduleReactivationCalls(db, { distributionId, handoverId: null, teamId, now })).toBe(0);
    expect(callsOf().map((r) => r.clientId).sort()).toEqual([a, b]);
  });

  it("lets an undone distribution cancel its open calls, until a call is recorded", () => {
    const ids = seedClients(db, teamId, [{ name: "a", ownerId: leaver }, { name: "b", ownerId: leaver }]);
    const { distributionId } = seedAppliedHandover(db, { teamId, leaverId: leaver, leadId: lead, lastDay: "2026-11-23", moves: ids.map((clientId) => ({ clientId, to: boris })), now });
    expect(hasRecordedCalls(db, distributionId)).toBe(false);
    const [first] = callsOf();
    const r = recordOutcome(db, { ref: { callId: first!.id }, actorId: boris, outcome: { kind: "no_answer" }, now });
    expect(r.ok).toBe(true);
    expect(hasRecordedCalls(db, distributionId)).toBe(true);
    expect(cancelReactivationCalls(db, distributionId)).toBe(2);
    expect(callsOf().every((c) => c.status === "cancelled")).toBe(true);
    expect(db.select().from(distributions).all()).toHaveLength(1);
  });
});
