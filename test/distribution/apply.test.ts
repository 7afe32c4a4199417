import { and, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, clientEvents, clients, commitments, distributionItems, distributions, members, teams } from "../../src/db/schema.js";
import { excludeManager, moveClient, moveClients, searchProposalClients } from "../../src/distribution/adjust.js";
import { applyDistribution, takeOverDistribution } from "../../src/distribution/apply.js";
import { getProposalView, proposeForHandover, proposeForPool } from "../../src/distribution/propose.js";
import type { DistributionNotifier } from "../../src/distribution/types.js";
import { undoDistribution } from "../../src/distribution/undo.js";
import { followUpDistribution, pendingFollowUps } from "../../src/distribution/followup.js";
import { createTeam } from "../../src/team/teams.js";
import { seedCall, seedHandover, stepStatus } from "./distribution-fixtures.js";
import { seedClients, seedCommitment, seedManyClients } from "../support/seed.js";

const now = new Date("2026-11-23T06:00:00Z");
let db: Db;
let teamId: number;
let leadId: number;
let leaverId: number;
let managerIds: number[];

function addMember(name: string, extra: Partial<typeof members.$inferInsert> = {}): number {
  return db
    .insert(members)
    .values({ teamId, name, role: "manager", reachability: "ok", telegramId: 1000 + Math.floor(Math.random() * 1e6), createdAt: 0, ...extra })
    .returning({ id: members.id })
    .get().id;
}

beforeEach(() => {
  db = openDatabase(":memory:");
  const created = createTeam(db, { name: "Продажи", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
  teamId = created.team.id;
  leadId = created.member.id;
  leaverId = addMember("Иван");
  managerIds = [addMember("Борис"), addMember("Вера"), addMember("Галина")];
});
afterEach(() => closeDatabase(db));

const excludeManagerFromTeam = (memberId: number) => db.update(members).set({ excluded: true }).where(eq(members.id, memberId)).run();
const clientRow = (id: number) => db.select().from(clients).where(eq(clients.id, id)).get()!;
const distRow = (id: number) => db.select().from(distributions).where(eq(distributions.id, id)).get()!;

function snapshot() {
  return {
    clients: db.select().from(clients).all(),
    commitments: db.select().from(commitments).all(),
    events: db.select().from(clientEvents).all().length,
    distributions: db.select().from(distributions).all(),
    calls: db.select().from(calls).all(),
  };
}

function proposeHandover(handoverId: number) {
  const result = proposeForHandover(db, { teamId, handoverId, actorId: leadId, now });
  if (!result.ok) throw new Error(result.reason);
  return result.view;
}

describe("proposing", () => {
  it("spreads every client of the leaver over the active managers only", () => {
    const departing = addMember("Дмитрий", { status: "departing" });
    const excluded = addMember("Елена", { excluded: true });
    const ids = seedManyClients(db, teamId, leaverId, 30);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });

    const view = proposeHandover(handoverId);
    expect(view.clientCount).toBe(30);
    expect(view.assigned).toBe(30);
    expect(view.unassigned).toBe(0);
    expect(view.rows.map((r) => r.memberId).sort()).toEqual([...managerIds].sort());
    for (const t of ["hot", "warm", "cold"] as const) {
      const counts = view.rows.map((r) => r.added[t]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    const items = db.select().from(distributionItems).all();
    expect(items.map((i) => i.clientId).sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(items.map((i) => i.toMemberId))).toEqual(new Set(managerIds));
    expect(items.every((i) => i.fromMemberId === leaverId)).toBe(true);
    expect(items.some((i) => [departing, excluded, leadId, leaverId].includes(i.toMemberId))).toBe(false);
  });

  it("counts existing loads and warns about the cap", () => {
    db.update(teams).set({ managerCap: 12 }).where(eq(teams.id, teamId)).run();
    seedManyClients(db, teamId, managerIds[0]!, 12, "Старый");
    seedManyClients(db, teamId, leaverId, 12);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    const boris = view.rows.find((r) => r.memberId === managerIds[0])!;
    expect(boris.addedTotal).toBe(0); // already at the cap: the others take the new ones
    expect(view.rows.filter((r) => r.memberId !== managerIds[0]).map((r) => r.addedTotal)).toEqual([6, 6]);
    expect(view.rows.some((r) => r.overCap)).toBe(false);

    seedManyClients(db, teamId, leaverId, 20, "Ещё");
    const bigger = proposeHandover(handoverId);
    expect(bigger.rows.some((r) => r.overCap)).toBe(true);
  });

  it("has nothing to propose for an empty pool or a closed handover", () => {
    expect(proposeForPool(db, { teamId, actorId: leadId, now })).toEqual({ ok: false, reason: "nothing_to_distribute" });
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    expect(proposeForHandover(db, { teamId, handoverId, actorId: leadId, now })).toEqual({ ok: false, reason: "nothing_to_distribute" });
    expect(proposeForHandover(db, { teamId: teamId + 1, handoverId, actorId: leadId, now })).toEqual({ ok: false, reason: "handover_not_found" });
  });

  it("keeps one open proposal per scope", () => {
    seedManyClients(db, teamId, leaverId, 5);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const first = proposeHandover(handoverId);
    const second = proposeHandover(handoverId);
    expect(distRow(first.distributionId).status).toBe("cancelled");
    expect(distRow(second.distributionId).status).toBe("proposed");
  });
});

describe("applying", () => {
  it("moves clients, commitments and history in one go and completes the step", () => {
    const ids = seedManyClients(db, teamId, leaverId, 9);
    const k = seedCommitment(db, { teamId, clientId: ids[0]!, ownerId: leaverId, text: "договор", dueOn: "2026-11-25" });
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);

    const result = applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now });
    expect(result.kind).toBe("applied");
    if (result.kind !== "applied") return;
    expect(result.moved).toBe(9);
    expect(result.toPool).toBe(0);
    expect(result.stepDone).toBe(true);
    expect(result.owners.map((o) => o.count)).toEqual([3, 3, 3]);
    for (const id of ids) {
      const c = clientRow(id);
      expect(managerIds).toContain(c.ownerId);
      expect(c.previousOwnerId).toBe(leaverId);
      expect(c.unassignedSince).toBeNull();
    }
    const commitment = db.select().from(commitments).where(eq(commitments.id, k)).get()!;
    expect(commitment.ownerId).toBe(clientRow(ids[0]!).ownerId);
    const events = db.select().from(clientEvents).where(eq(clientEvents.kind, "assigned")).all();
    expect(events).toHaveLength(9);
    expect(events[0]!.details).toMatchObject({ distributionId: view.distributionId, from: leaverId });
    expect(distRow(view.distributionId)).toMatchObject({ status: "applied", appliedAt: now.getTime() });
    expect(stepStatus(db, handoverId, "redistribute")).toBe("done");
  });

  it("applies once: a second apply changes nothing", () => {
    seedManyClients(db, teamId, leaverId, 6);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now });
    const before = snapshot();
    expect(applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now })).toEqual({
      kind: "not_proposed",
      status: "applied",
    });
    expect(snapshot()).toEqual(before);
  });

  it("rolls everything back when any part of the apply fails", () => {
    const ids = seedManyClients(db, teamId, leaverId, 6);
    seedCommitment(db, { teamId, clientId: ids[1]!, ownerId: leaverId, text: "КП" });
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    const before = snapshot();
    // The history rows are written after the owners and commitments have changed.
    db.$client.exec(`CREATE TRIGGER history_fails BEFORE INSERT ON client_events BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now })).toThrow("disk full");
    expect(snapshot()).toEqual(before);
    expect(stepStatus(db, handoverId, "redistribute")).toBe("open");
  });

  it("schedules the calls and tells the new owners in a follow-up that happens once, and again after a failure", () => {
    const ids = seedManyClients(db, teamId, leaverId, 6);
    seedCommitment(db, { teamId, clientId: ids[1]!, ownerId: leaverId, text: "КП" });
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    expect(applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now }).kind).toBe("applied");
    // Applied, not yet followed up (a crash here): the clients have moved, no call or message yet.
    expect(db.select().from(calls).all()).toHaveLength(0);
    expect(pendingFollowUps(db)).toEqual([view.distributionId]);

    const told: number[] = [];
    const failing: DistributionNotifier = {
      applied() {
        throw new Error("outbox broken");
      },
      undone() {},
    };
    expect(() => followUpDistribution(db, { distributionId: view.distributionId, now, notifier: failing })).toThrow("outbox broken");
    expect(db.select().from(calls).all()).toHaveLength(0);
    expect(pendingFollowUps(db)).toEqual([view.distributionId]);

    const working: DistributionNotifier = {
      applied(_tx, notice) {
        told.push(notice.owner.memberId);
        expect(notice.clients.length).toBe(notice.owner.count);
        expect(notice.fromName).toBe("Иван");
      },
      undone() {},
    };
    expect(followUpDistribution(db, { distributionId: view.distributionId, now, notifier: working })).toEqual({ kind: "done", callsScheduled: 6 });
    expect(told.sort()).toEqual([...managerIds].sort());
    const scheduled = db.select().from(calls).all();
    expect(scheduled).toHaveLength(6);
    for (const call of scheduled) expect(call.assigneeId).toBe(clientRow(call.clientId).ownerId);
    expect(distRow(view.distributionId).followedUpAt).toBe(now.getTime());
    expect(pendingFollowUps(db)).toEqual([]);
    // Once only: a second run (the scheduler after the bot's own) adds nothing and tells nobody again.
    expect(followUpDistribution(db, { distributionId: view.distributionId, now, notifier: working })).toEqual({ kind: "already", callsScheduled: 6 });
    expect(told).toHaveLength(3);
    expect(db.select().from(calls).all()).toHaveLength(6);
  });

  it("refuses a stale proposal: a new client, a client moved by hand, a manager gone", () => {
    const ids = seedManyClients(db, teamId, leaverId, 6);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });

    let view = proposeHandover(handoverId);
    seedClients(db, teamId, [{ name: "Новый", ownerId: leaverId }]);
    expect(applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now }).kind).toBe("stale");
    expect(distRow(view.distributionId).status).toBe("proposed");

    view = proposeHandover(handoverId);
    db.update(clients).set({ ownerId: managerIds[0]! }).where(eq(clients.id, ids[0]!)).run();
    expect(applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now }).kind).toBe("stale");

    view = proposeHandover(handoverId);
    db.update(members).set({ status: "left" }).where(eq(members.id, managerIds[1]!)).run();
    expect(applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now }).kind).toBe("stale");
    expect(clientRow(ids[1]!).ownerId).toBe(leaverId);
  });

  it("puts in the pool what nobody received, with the leaver remembered", () => {
    const ids = seedManyClients(db, teamId, leaverId, 4);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    for (const m of managerIds.slice(0, 2)) {
      expect(excludeManager(db, { distributionId: view.distributionId, teamId, memberId: m, actorId: leadId, now })).toMatchObject({ ok: true });
    }
    // Excluding the last one leaves nobody: their clients become unassigned.
    expect(excludeManager(db, { distributionId: view.distributionId, teamId, memberId: managerIds[2]!, actorId: leadId, now })).toMatchObject({ ok: true });
    const after = getProposalView(db, view.distributionId, teamId)!;
    expect(after.assigned).toBe(0);
    expect(after.unassigned).toBe(4);
    expect(after.eligibleCount).toBe(0);
    expect(applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now }).kind).toBe("empty");

    // Take them myself is what is left.
    const result = takeOverDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now });
    expect(result).toMatchObject({ kind: "applied", moved: 4, toPool: 0 });
    for (const id of ids) expect(clientRow(id)).toMatchObject({ ownerId: leadId, previousOwnerId: leaverId });
    expect(stepStatus(db, handoverId, "redistribute")).toBe("done");
  });

  it("distributes the pool, keeping each client's previous owner", () => {
    const ids = seedClients(db, teamId, [
      { name: "А", ownerId: null },
      { name: "Б", ownerId: null },
      { name: "В", ownerId: managerIds[0]! },
    ]);
    db.update(clients).set({ previousOwnerId: leaverId }).where(eq(clients.id, ids[0]!)).run();
    const proposed = proposeForPool(db, { teamId, actorId: leadId, now });
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    expect(proposed.view.clientCount).toBe(2);
    const result = applyDistribution(db, { distributionId: proposed.view.distributionId, teamId, actorId: leadId, now });
    expect(result).toMatchObject({ kind: "applied", moved: 2, toPool: 0 });
    expect(clientRow(ids[0]!).previousOwnerId).toBe(leaverId);
    expect(clientRow(ids[1]!).previousOwnerId).toBeNull();
    expect(clientRow(ids[2]!).ownerId).toBe(managerIds[0]);
    expect(db.select().from(clients).where(and(isNull(clients.ownerId))).all()).toHaveLength(0);
  });
});

describe("undoing", () => {
  function applied() {
    const ids = seedManyClients(db, teamId, leaverId, 6);
    const k = seedCommitment(db, { teamId, clientId: ids[2]!, ownerId: leaverId, text: "счёт" });
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now });
    followUpDistribution(db, { distributionId: view.distributionId, now });
    return { ids, k, handoverId, distributionId: view.distributionId };
  }

  it("puts every client back in the pool, cancels the calls and reopens the step", () => {
    const { ids, k, handoverId, distributionId } = applied();
    const callId = seedCall(db, { teamId, clientId: ids[0]!, assigneeId: clientRow(ids[0]!).ownerId!, distributionId, handoverId });
    const later = new Date(now.getTime() + 3_600_000);
    const result = undoDistribution(db, { distributionId, teamId, actorId: leadId, now: later });
    expect(result).toMatchObject({ kind: "undone", returned: 6 });
    for (const id of ids) {
      expect(clientRow(id)).toMatchObject({ ownerId: null, previousOwnerId: leaverId, unassignedSince: later.getTime() });
    }
    expect(db.select().from(commitments).where(eq(commitments.id, k)).get()!.ownerId).toBeNull();
    expect(db.select().from(calls).where(eq(calls.id, callId)).get()!.status).toBe("cancelled");
    expect(distRow(distributionId)).toMatchObject({ status: "undone", undoneAt: later.getTime() });
    expect(stepStatus(db, handoverId, "redistribute")).toBe("open");
    expect(db.select().from(clientEvents).where(eq(clientEvents.kind, "unassigned")).all()).toHaveLength(6);
    // Undo twice: nothing more.
    expect(undoDistribution(db, { distributionId, teamId, actorId: leadId, now: later })).toEqual({ kind: "not_applied", status: "undone" });

    // The clients can be distributed again from the same handover (they wait in the pool as the leaver's).
    const again = proposeHandover(handoverId);
    expect(again.clientCount).toBe(6);
  });

  it("is refused once a call has been recorded, and changes nothing", () => {
    const { ids, handoverId, distributionId } = applied();
    seedCall(db, { teamId, clientId: ids[0]!, assigneeId: clientRow(ids[0]!).ownerId!, distributionId, handoverId, recorded: true });
    const before = snapshot();
    expect(undoDistribution(db, { distributionId, teamId, actorId: leadId, now })).toEqual({ kind: "calls_recorded" });
    expect(snapshot()).toEqual(before);
  });

  it("rolls back entirely when telling the new owners fails", () => {
    const { distributionId } = applied();
    const before = snapshot();
    const failing: DistributionNotifier = {
      applied() {},
      undone() {
        throw new Error("outbox broken");
      },
    };
    expect(() => undoDistribution(db, { distributionId, teamId, actorId: leadId, now, notifier: failing })).toThrow("outbox broken");
    expect(snapshot()).toEqual(before);
  });

  it("hands every open call of a moved client to its new owner, through undo and a pool distribution", () => {
    const ids = seedManyClients(db, teamId, leaverId, 6);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const addCall = (clientId: number, status: "open" | "reached") =>
      db
        .insert(calls)
        .values({ teamId, clientId, assigneeId: leaverId, kind: "ordinary", dueOn: "2026-11-26", status, attempts: status === "open" ? 0 : 1, createdAt: 0 })
        .returning({ id: calls.id })
        .get().id;
    const promised = addCall(ids[2]!, "open");
    const done = addCall(ids[3]!, "reached");
    const call = (id: number) => db.select().from(calls).where(eq(calls.id, id)).get()!;

    const first = proposeHandover(handoverId);
    applyDistribution(db, { distributionId: first.distributionId, teamId, actorId: leadId, now });
    followUpDistribution(db, { distributionId: first.distributionId, now });
    const firstOwner = clientRow(ids[2]!).ownerId!;
    expect(call(promised)).toMatchObject({ assigneeId: firstOwner, dueOn: "2026-11-26", status: "open" });
    expect(call(done).assigneeId).toBe(leaverId); // history stays as it happened

    // Undone: the client waits in the pool, its call with a manager who is still here.
    undoDistribution(db, { distributionId: first.distributionId, teamId, actorId: leadId, now });
    expect(clientRow(ids[2]!).ownerId).toBeNull();
    expect(call(promised)).toMatchObject({ assigneeId: firstOwner, status: "open" });
    for (const r of db.select().from(calls).where(eq(calls.distributionId, first.distributionId)).all()) expect(r.status).toBe("cancelled");

    // The next owner takes the call over with the client; a manager excluded from the pool's split gets nothing.
    excludeManagerFromTeam(firstOwner);
    const again = proposeForPool(db, { teamId, actorId: leadId, now });
    if (!again.ok) throw new Error(again.reason);
    applyDistribution(db, { distributionId: again.view.distributionId, teamId, actorId: leadId, now });
    const secondOwner = clientRow(ids[2]!).ownerId!;
    expect(secondOwner).not.toBe(firstOwner);
    expect(call(promised)).toMatchObject({ assigneeId: secondOwner, status: "open" });
  });

  it("undone before its follow-up ran: nobody is told of clients they never heard of, and no call is made", () => {
    seedManyClients(db, teamId, leaverId, 6);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now });
    const undone: number[] = [];
    const notifier: DistributionNotifier = { applied() {}, undone: (_tx, notice) => void undone.push(notice.owner.memberId) };
    expect(undoDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now, notifier })).toMatchObject({ kind: "undone", returned: 6 });
    expect(undone).toEqual([]);
    expect(pendingFollowUps(db)).toEqual([]);
    expect(followUpDistribution(db, { distributionId: view.distributionId, now, notifier })).toEqual({ kind: "not_applied" });
    expect(db.select().from(calls).all()).toHaveLength(0);
  });

  it("leaves alone a client somebody moved by hand since", () => {
    const { ids, distributionId } = applied();
    db.update(clients).set({ ownerId: leadId }).where(eq(clients.id, ids[0]!)).run();
    expect(undoDistribution(db, { distributionId, teamId, actorId: leadId, now })).toMatchObject({ kind: "undone", returned: 5 });
    expect(clientRow(ids[0]!).ownerId).toBe(leadId);
  });
});

describe("adjusting", () => {
  it("moves N clients between two managers, mixing temperatures", () => {
    seedManyClients(db, teamId, leaverId, 30);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    const [a, b] = managerIds as [number, number];
    const input = { distributionId: view.distributionId, teamId, actorId: leadId, now };
    expect(moveClients(db, { ...input, fromId: a, toId: b, count: 4 })).toEqual({ ok: true, moved: 4 });
    const after = getProposalView(db, view.distributionId, teamId)!;
    expect(after.rows.find((r) => r.memberId === a)!.addedTotal).toBe(6);
    expect(after.rows.find((r) => r.memberId === b)!.addedTotal).toBe(14);
    expect(after.rows.find((r) => r.memberId === a)!.added.hot).toBe(2);
    expect(moveClients(db, { ...input, fromId: a, toId: b, count: 7 })).toEqual({ ok: false, reason: "too_many" });
    expect(moveClients(db, { ...input, fromId: a, toId: a, count: 1 })).toEqual({ ok: false, reason: "same_manager" });
    expect(moveClients(db, { ...input, fromId: a, toId: leaverId, count: 1 })).toEqual({ ok: false, reason: "bad_manager" });
    expect(moveClients(db, { ...input, fromId: a, toId: leadId, count: 1 })).toEqual({ ok: false, reason: "bad_manager" });
  });

  it("finds a client by part of the name or phone and moves it", () => {
    const [id] = seedClients(db, teamId, [
      { name: "Семёнов Пётр", ownerId: leaverId, phones: ["+79161234567"] },
      { name: "Иванова", ownerId: leaverId, phones: ["+79160000000"] },
    ]);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    const byName = searchProposalClients(db, { distributionId: view.distributionId, teamId, query: "семенов" });
    expect(byName.found.map((f) => f.clientId)).toEqual([id]);
    const byPhone = searchProposalClients(db, { distributionId: view.distributionId, teamId, query: "123-45" });
    expect(byPhone.found.map((f) => f.clientId)).toEqual([id]);
    expect(searchProposalClients(db, { distributionId: view.distributionId, teamId, query: "zz" }).total).toBe(0);

    const current = byName.found[0]!.toMemberId;
    const other = managerIds.find((m) => m !== current)!;
    expect(moveClient(db, { distributionId: view.distributionId, teamId, clientId: id!, toId: other, actorId: leadId, now })).toEqual({ ok: true, moved: 1 });
    expect(db.select().from(distributionItems).where(eq(distributionItems.clientId, id!)).get()!.toMemberId).toBe(other);
    expect(moveClient(db, { distributionId: view.distributionId, teamId, clientId: 999, toId: other, actorId: leadId, now })).toEqual({ ok: false, reason: "bad_client" });
  });

  it("excludes a manager: their share goes to the others, and a re-plan remembers it", () => {
    seedManyClients(db, teamId, leaverId, 12);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    expect(excludeManager(db, { distributionId: view.distributionId, teamId, memberId: managerIds[0]!, actorId: leadId, now })).toEqual({ ok: true, moved: 4 });
    const after = getProposalView(db, view.distributionId, teamId)!;
    expect(after.rows.map((r) => r.memberId)).not.toContain(managerIds[0]);
    expect(after.rows.map((r) => r.addedTotal)).toEqual([6, 6]);
    expect(after.excluded.map((e) => e.memberId)).toEqual([managerIds[0]]);
    // Moving clients to an excluded manager is refused.
    expect(moveClients(db, { distributionId: view.distributionId, teamId, fromId: managerIds[1]!, toId: managerIds[0]!, count: 1, actorId: leadId, now })).toMatchObject({
      ok: false,
    });
  });

  it("refuses changes to a proposal that is no longer open", () => {
    seedManyClients(db, teamId, leaverId, 3);
    const handoverId = seedHandover(db, { teamId, leaverId, startedById: leadId });
    const view = proposeHandover(handoverId);
    applyDistribution(db, { distributionId: view.distributionId, teamId, actorId: leadId, now });
    expect(excludeManager(db, { distributionId: view.distributionId, teamId, memberId: managerIds[0]!, actorId: leadId, now })).toEqual({
      ok: false,
      reason: "not_proposed",
    });
  });
});
