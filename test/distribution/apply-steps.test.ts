// The apply in steps (what a tap runs): more clients than one step moves, so the steps, a crash between
// them, changes made by others between them, and undo/redo after them are all exercised.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, clientEvents, clients, commitments, distributionItems, distributions, members } from "../../src/db/schema.js";
import { cancelProposal, moveClients } from "../../src/distribution/adjust.js";
import { applyDistribution, applyInSteps, CLIENTS_PER_STEP, finishApply, pendingApplies } from "../../src/distribution/apply.js";
import { followUpInSteps } from "../../src/distribution/followup.js";
import { proposeForHandover, proposeForPool } from "../../src/distribution/propose.js";
import { distributionsInFlight, nextTurn } from "../../src/distribution/steps.js";
import type { ApplyResult } from "../../src/distribution/types.js";
import { undoDistribution } from "../../src/distribution/undo.js";
import { createTeam } from "../../src/team/teams.js";
import { seedClients, seedCommitment, seedManyClients } from "../support/seed.js";
import { seedHandover, stepStatus } from "./distribution-fixtures.js";

const now = new Date("2026-11-23T06:00:00Z");
/** Three move steps and a half. */
const COUNT = Math.round(CLIENTS_PER_STEP * 2.5);

interface World {
  db: Db;
  teamId: number;
  leadId: number;
  leaverId: number;
  managerIds: number[];
  ids: number[];
  handoverId: number;
  distributionId: number;
}

function world(): World {
  const db = openDatabase(":memory:");
  const created = createTeam(db, { name: "Продажи", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
  const teamId = created.team.id;
  const add = (name: string, telegramId: number) =>
    db.insert(members).values({ teamId, name, role: "manager", reachability: "ok", telegramId, createdAt: 0 }).returning({ id: members.id }).get().id;
  const leaverId = add("Иван", 1000);
  const managerIds = [add("Борис", 1001), add("Вера", 1002), add("Галина", 1003)];
  const ids = seedManyClients(db, teamId, leaverId, COUNT);
  for (const i of [0, CLIENTS_PER_STEP + 5, COUNT - 1]) seedCommitment(db, { teamId, clientId: ids[i]!, ownerId: leaverId, text: `обещание ${i}`, dueOn: "2026-11-25" });
  const handoverId = seedHandover(db, { teamId, leaverId, startedById: created.member.id });
  const proposed = proposeForHandover(db, { teamId, handoverId, actorId: created.member.id, now });
  if (!proposed.ok) throw new Error(proposed.reason);
  return { db, teamId, leadId: created.member.id, leaverId, managerIds, ids, handoverId, distributionId: proposed.view.distributionId };
}

let w: World;
beforeEach(() => {
  w = world();
});
afterEach(() => closeDatabase(w.db));

const input = () => ({ distributionId: w.distributionId, teamId: w.teamId, actorId: w.leadId, now });
const ownerOf = (id: number) => w.db.select({ ownerId: clients.ownerId }).from(clients).where(eq(clients.id, id)).get()!.ownerId;
const statusOf = (id = w.distributionId) => w.db.select().from(distributions).where(eq(distributions.id, id)).get()!.status;
const leaverOwns = () => w.db.select({ n: sql<number>`count(*)` }).from(clients).where(eq(clients.ownerId, w.leaverId)).get()!.n;
const assignedEvents = () =>
  w.db
    .select({ clientId: clientEvents.clientId })
    .from(clientEvents)
    .where(and(eq(clientEvents.kind, "assigned"), sql`json_extract(${clientEvents.details}, '$.distributionId') = ${w.distributionId}`))
    .all()
    .map((e) => e.clientId);

/** A pause that runs `hook` once the apply has moved its first step (the distribution is 'applying'). */
function pauseAfterFirstMove(hook: () => void | Promise<void>) {
  let done = false;
  return async () => {
    if (!done && statusOf() === "applying" && leaverOwns() < COUNT) {
      done = true;
      await hook();
    }
    await nextTurn();
  };
}

describe("applying in steps", () => {
  it("moves every client once, in several transactions, with the same owners as straight through", async () => {
    let pauses = 0;
    const result = await applyInSteps(w.db, input(), async () => {
      pauses++;
      await nextTurn();
    });
    expect(result).toMatchObject({ kind: "applied", moved: COUNT, toPool: 0, stepDone: true });
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(COUNT / CLIENTS_PER_STEP));
    expect(leaverOwns()).toBe(0);
    expect(assignedEvents().sort((a, b) => a - b)).toEqual(w.ids);
    expect(statusOf()).toBe("applied");
    expect(stepStatus(w.db, w.handoverId, "redistribute")).toBe("done");
    for (const k of w.db.select().from(commitments).all()) expect(k.ownerId).toBe(ownerOf(k.clientId));
    expect(distributionsInFlight.size).toBe(0);

    // The same proposal applied straight through (another database) gives every client the same owner.
    const other = world();
    try {
      expect(applyDistribution(other.db, { distributionId: other.distributionId, teamId: other.teamId, actorId: other.leadId, now })).toMatchObject({ moved: COUNT });
      const owners = (db: Db) => db.select({ id: clients.id, ownerId: clients.ownerId }).from(clients).all();
      expect(owners(other.db)).toEqual(owners(w.db));
    } finally {
      closeDatabase(other.db);
    }
  });

  it("left half-way by a crash: each client moved so far moved once, the rest still the leaver's, and the sweep finishes it", async () => {
    let pauses = 0;
    const crashed = applyInSteps(w.db, input(), async () => {
      if (++pauses === 6) throw new Error("the process died"); // after begin and the first move step
      await nextTurn();
    });
    await expect(crashed).rejects.toThrow("the process died");
    expect(statusOf()).toBe("applying");
    const moved = COUNT - leaverOwns();
    expect(moved).toBe(CLIENTS_PER_STEP);
    const events = assignedEvents();
    expect(events).toHaveLength(moved);
    for (const id of events) expect(ownerOf(id)).not.toBe(w.leaverId);
    expect(w.db.select().from(commitments).where(eq(commitments.clientId, w.ids[0]!)).get()!.ownerId).toBe(ownerOf(w.ids[0]!));
    expect(w.db.select().from(commitments).where(eq(commitments.clientId, w.ids[COUNT - 1]!)).get()!.ownerId).toBe(w.leaverId);
    expect(stepStatus(w.db, w.handoverId, "redistribute")).toBe("open");
    // Nobody can apply, cancel or undo it meanwhile; the sweep sees it as owed (no tap runs it now).
    expect(applyDistribution(w.db, input())).toEqual({ kind: "not_proposed", status: "applying" });
    expect(pendingApplies(w.db, distributionsInFlight)).toEqual([w.distributionId]);

    const later = new Date(now.getTime() + 60_000);
    expect(finishApply(w.db, w.distributionId, later)).toMatchObject({ kind: "applied", moved: COUNT, stepDone: true });
    expect(leaverOwns()).toBe(0);
    expect(assignedEvents().sort((a, b) => a - b)).toEqual(w.ids); // once each: nothing moved twice
    expect(pendingApplies(w.db)).toEqual([]);
    // Its history rows still name the lead who tapped Apply.
    const actors = new Set(w.db.select({ actorId: clientEvents.actorId }).from(clientEvents).where(eq(clientEvents.kind, "assigned")).all().map((e) => e.actorId));
    expect([...actors]).toEqual([w.leadId]);

    const followUp = await followUpInSteps(w.db, { distributionId: w.distributionId, now: later });
    expect(followUp).toEqual({ kind: "done", callsScheduled: COUNT });
    expect(w.db.select({ n: sql<number>`count(distinct ${calls.clientId})` }).from(calls).get()!.n).toBe(COUNT);
  });

  it("leaves alone a client somebody changes by hand while it runs, and counts only what it moved", async () => {
    const last = w.ids[COUNT - 1]!;
    const result = await applyInSteps(
      w.db,
      input(),
      pauseAfterFirstMove(() => {
        w.db.update(clients).set({ ownerId: w.managerIds[0]! }).where(eq(clients.id, last)).run();
      }),
    );
    expect(result).toMatchObject({ kind: "applied", moved: COUNT - 1 });
    if (result.kind !== "applied") return;
    expect(result.owners.reduce((n, o) => n + o.count, 0)).toBe(COUNT - 1);
    expect(ownerOf(last)).toBe(w.managerIds[0]);
    expect(assignedEvents()).not.toContain(last);
    expect(w.db.select().from(distributionItems).where(eq(distributionItems.clientId, last)).all()).toEqual([]);
    // The commitment stays where the change by hand left it.
    expect(w.db.select().from(commitments).where(eq(commitments.clientId, last)).get()!.ownerId).toBe(w.leaverId);
  });

  it("refuses a second apply, a cancel, an adjust, an undo and another apply of the team while it runs", async () => {
    const pool = seedClients(w.db, w.teamId, [{ name: "В пуле", ownerId: null }]);
    const seen: Record<string, unknown> = {};
    const result = await applyInSteps(
      w.db,
      input(),
      pauseAfterFirstMove(async () => {
        seen.again = await applyInSteps(w.db, input());
        seen.straight = applyDistribution(w.db, input());
        seen.cancel = cancelProposal(w.db, { distributionId: w.distributionId, teamId: w.teamId });
        seen.adjust = moveClients(w.db, { ...input(), fromId: w.managerIds[0]!, toId: w.managerIds[1]!, count: 1 });
        seen.undo = undoDistribution(w.db, input());
        // The pool's proposal takes the handover's leftovers too: a second apply of the team waits.
        const other = proposeForPool(w.db, { teamId: w.teamId, actorId: w.leadId, now });
        if (!other.ok) throw new Error(other.reason);
        seen.otherApply = applyDistribution(w.db, { ...input(), distributionId: other.view.distributionId });
        seen.sweep = pendingApplies(w.db, distributionsInFlight);
      }),
    );
    expect(result).toMatchObject({ kind: "applied", moved: COUNT });
    expect(seen).toEqual({
      again: { kind: "not_proposed", status: "applying" },
      straight: { kind: "not_proposed", status: "applying" },
      cancel: "applying",
      adjust: { ok: false, reason: "not_proposed" },
      undo: { kind: "not_applied", status: "applying" },
      otherApply: { kind: "busy" },
      sweep: [],
    });
    expect(ownerOf(pool[0]!)).toBeNull();
  });

  it("is undone exactly after a stepped apply, and the clients can be distributed again", async () => {
    await applyInSteps(w.db, input());
    expect(await followUpInSteps(w.db, { distributionId: w.distributionId, now })).toEqual({ kind: "done", callsScheduled: COUNT });
    const undone = undoDistribution(w.db, input());
    expect(undone).toMatchObject({ kind: "undone", returned: COUNT });
    const rows = w.db.select().from(clients).all();
    expect(rows.every((c) => c.ownerId === null && c.previousOwnerId === w.leaverId)).toBe(true);
    for (const k of w.db.select().from(commitments).all()) expect(k.ownerId).toBeNull();
    expect(w.db.select().from(calls).all().every((c) => c.status === "cancelled")).toBe(true);
    expect(stepStatus(w.db, w.handoverId, "redistribute")).toBe("open");

    // Redo: the handover's scope holds them again (in the pool, the leaver remembered).
    const again = proposeForHandover(w.db, { teamId: w.teamId, handoverId: w.handoverId, actorId: w.leadId, now });
    if (!again.ok) throw new Error(again.reason);
    expect(again.view.clientCount).toBe(COUNT);
    const redo = await applyInSteps(w.db, { ...input(), distributionId: again.view.distributionId });
    expect(redo).toMatchObject({ kind: "applied", moved: COUNT, stepDone: true });
    expect(w.db.select().from(clients).all().every((c) => c.ownerId !== null && w.managerIds.includes(c.ownerId))).toBe(true);
    expect(await followUpInSteps(w.db, { distributionId: again.view.distributionId, now })).toEqual({ kind: "done", callsScheduled: COUNT });
    expect(w.db.select().from(calls).where(eq(calls.status, "open")).all()).toHaveLength(COUNT);
  });

  it("takes the whole scope for the lead in steps, a client that joined it since included", async () => {
    const [late] = seedClients(w.db, w.teamId, [{ name: "Новый", ownerId: w.leaverId }]);
    // The proposal is stale now; "take them myself" takes the scope as it is.
    expect(applyDistribution(w.db, input())).toEqual({ kind: "stale" });
    const result: ApplyResult = await applyInSteps(w.db, { ...input(), mine: true });
    expect(result).toMatchObject({ kind: "applied", moved: COUNT + 1, toPool: 0 });
    expect(ownerOf(late!)).toBe(w.leadId);
    expect(w.db.select().from(clients).all().every((c) => c.ownerId === w.leadId)).toBe(true);
    expect(new Set(w.db.select().from(distributionItems).all().map((i) => i.toMemberId))).toEqual(new Set([w.leadId]));
  });
});
