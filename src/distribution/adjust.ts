/**
 * Adjusting an open proposal before it is applied: move N clients or one client between managers, leave a
 * manager out (their share planned again over the others), find a client of it, or cancel it.
 */
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clients, commitments, distributionItems, distributions, members, type DistributionStatus } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import { localDate } from "../platform/calendar.js";
import { planDistribution, type PlanClient } from "./plan.js";
import { eligibleManagers, planManagers, TEMPERATURES } from "./propose.js";
import { audit, excludedIn, getDistribution, getHandover, teamTimezone } from "./queries.js";
import type { AdjustResult, Distribution, TemperatureCounts } from "./types.js";

function openProposal(db: Db, distributionId: number, teamId: number): Distribution | "not_found" | "not_proposed" {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return "not_found";
  if (dist.status !== "proposed") return "not_proposed";
  return dist;
}

function isTarget(db: Db, dist: Distribution, memberId: number): boolean {
  return eligibleManagers(db, dist.id, dist.teamId).some((m) => m.memberId === memberId);
}

/**
 * Moves `count` of one manager's proposed clients to another. Taken from every temperature in turn
 * (hot, warm, cold, hot…), newest first, so the move keeps the mix of the rest.
 */
export function moveClients(
  db: Db,
  input: { distributionId: number; teamId: number; fromId: number; toId: number; count: number; actorId: number; now: Date },
): AdjustResult {
  return db.transaction((tx) => {
    const dist = openProposal(db, input.distributionId, input.teamId);
    if (typeof dist === "string") return { ok: false, reason: dist };
    if (input.fromId === input.toId) return { ok: false, reason: "same_manager" };
    if (!isTarget(db, dist, input.toId)) return { ok: false, reason: "bad_manager" };
    const items = db
      .select({ clientId: distributionItems.clientId, temperature: clients.temperature })
      .from(distributionItems)
      .innerJoin(clients, eq(clients.id, distributionItems.clientId))
      .where(and(eq(distributionItems.distributionId, dist.id), eq(distributionItems.toMemberId, input.fromId)))
      .orderBy(desc(distributionItems.clientId))
      .all();
    if (!Number.isInteger(input.count) || input.count < 1) return { ok: false, reason: "too_many" };
    if (items.length < input.count) return { ok: false, reason: items.length === 0 ? "bad_manager" : "too_many" };

    const queues = TEMPERATURES.map((t) => items.filter((i) => i.temperature === t));
    const chosen: number[] = [];
    for (let t = 0; chosen.length < input.count; t = (t + 1) % 3) {
      const next = queues[t]!.shift();
      if (next) chosen.push(next.clientId);
    }
    giveTo(tx, dist.id, chosen, input.toId);
    audit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "distribution.moved",
      details: { distributionId: dist.id, from: input.fromId, to: input.toId, count: chosen.length },
      now: input.now,
    });
    return { ok: true, moved: chosen.length };
  });
}

/** Gives one client of the proposal to another manager. */
export function moveClient(
  db: Db,
  input: { distributionId: number; teamId: number; clientId: number; toId: number; actorId: number; now: Date },
): AdjustResult {
  return db.transaction((tx) => {
    const dist = openProposal(db, input.distributionId, input.teamId);
    if (typeof dist === "string") return { ok: false, reason: dist };
    const item = db
      .select({ toId: distributionItems.toMemberId })
      .from(distributionItems)
      .where(and(eq(distributionItems.distributionId, dist.id), eq(distributionItems.clientId, input.clientId)))
      .get();
    if (!item) return { ok: false, reason: "bad_client" };
    if (item.toId === input.toId) return { ok: false, reason: "same_manager" };
    if (!isTarget(db, dist, input.toId)) return { ok: false, reason: "bad_manager" };
    giveTo(tx, dist.id, [input.clientId], input.toId);
    audit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "distribution.moved",
      details: { distributionId: dist.id, clientId: input.clientId, from: item.toId, to: input.toId, count: 1 },
      now: input.now,
    });
    return { ok: true, moved: 1 };
  });
}

/**
 * Leaves a manager out of this proposal: their proposed clients are planned again over the others (whose
 * loads count what the proposal already gives them, so manual moves are kept). With nobody left, those
 * clients stay unassigned and go to the pool on apply.
 */
export function excludeManager(
  db: Db,
  input: { distributionId: number; teamId: number; memberId: number; actorId: number; now: Date },
): AdjustResult {
  return db.transaction((tx) => {
    const dist = openProposal(db, input.distributionId, input.teamId);
    if (typeof dist === "string") return { ok: false, reason: dist };
    if (!isTarget(db, dist, input.memberId)) return { ok: false, reason: "bad_manager" };
    const leaverId = dist.handoverId === null ? null : (getHandover(db, dist.handoverId)?.leaverId ?? null);
    const excluded = excludedIn(db, input.teamId, dist.id);
    excluded.add(input.memberId);

    const theirs: PlanClient[] = db
      .select({
        id: clients.id,
        temperature: clients.temperature,
        company: clients.company,
        nextContactOn: clients.nextContactOn,
        deadlineOn: sql<string | null>`(SELECT min(${commitments.dueOn}) FROM ${commitments} WHERE ${commitments.clientId} = ${clients.id} AND ${commitments.status} = 'open')`,
      })
      .from(distributionItems)
      .innerJoin(clients, eq(clients.id, distributionItems.clientId))
      .where(and(eq(distributionItems.distributionId, dist.id), eq(distributionItems.toMemberId, input.memberId)))
      .orderBy(asc(clients.id))
      .all();
    const alreadyAdded = new Map<number, TemperatureCounts>();
    const perTarget = db
      .select({ memberId: distributionItems.toMemberId, temperature: clients.temperature, n: count() })
      .from(distributionItems)
      .innerJoin(clients, eq(clients.id, distributionItems.clientId))
      .where(and(eq(distributionItems.distributionId, dist.id), ne(distributionItems.toMemberId, input.memberId)))
      .groupBy(distributionItems.toMemberId, clients.temperature)
      .all();
    for (const r of perTarget) {
      const a = alreadyAdded.get(r.memberId) ?? { hot: 0, warm: 0, cold: 0 };
      a[r.temperature] += r.n;
      alreadyAdded.set(r.memberId, a);
    }
    const plan = planDistribution({
      clients: theirs,
      managers: planManagers(db, input.teamId, leaverId, excluded, alreadyAdded),
      today: localDate(input.now, teamTimezone(db, input.teamId)),
    });
    const byManager = new Map<number, number[]>();
    for (const a of plan.assignments) byManager.set(a.managerId, [...(byManager.get(a.managerId) ?? []), a.clientId]);
    for (const [managerId, clientIds] of byManager) giveTo(tx, dist.id, clientIds, managerId);
    for (const chunk of chunks(plan.unassigned)) {
      tx.delete(distributionItems).where(and(eq(distributionItems.distributionId, dist.id), inArray(distributionItems.clientId, chunk))).run();
    }
    audit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "distribution.excluded",
      details: { distributionId: dist.id, memberId: input.memberId },
      now: input.now,
    });
    return { ok: true, moved: theirs.length };
  });
}

export interface FoundClient {
  clientId: number;
  name: string;
  company: string | null;
  toMemberId: number;
  toName: string;
  /** The first phone's last four digits (to tell two namesakes apart), or null. */
  phoneTail: string | null;
}

function firstPhoneTail(phones: string[]): string | null {
  const first = String(phones[0] ?? "").replace(/\D/g, "");
  return first.length >= 4 ? first.slice(-4) : null;
}

/** Finds clients of the proposal by part of the name, the company or a phone number. */
export function searchProposalClients(
  db: Db,
  input: { distributionId: number; teamId: number; query: string; limit?: number },
): { found: FoundClient[]; total: number } {
  const dist = getDistribution(db, input.distributionId, input.teamId);
  if (!dist) return { found: [], total: 0 };
  const needle = normaliseText(input.query);
  const digits = input.query.replace(/\D/g, "");
  if (needle.length === 0 && digits.length < 3) return { found: [], total: 0 };
  const rows = db
    .select({ clientId: clients.id, name: clients.name, company: clients.company, phones: clients.phones, toMemberId: distributionItems.toMemberId, toName: members.name })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .innerJoin(members, eq(members.id, distributionItems.toMemberId))
    .where(eq(distributionItems.distributionId, dist.id))
    .orderBy(asc(clients.name), asc(clients.id))
    .all();
  const matches = rows.filter((r) => {
    if (needle.length > 0 && (normaliseText(r.name).includes(needle) || normaliseText(r.company ?? "").includes(needle))) return true;
    return digits.length >= 3 && r.phones.join("").replace(/\D/g, "").includes(digits);
  });
  return {
    found: matches.slice(0, input.limit ?? 10).map(({ phones, ...rest }) => ({ ...rest, phoneTail: firstPhoneTail(phones) })),
    total: matches.length,
  };
}

/** Case-, ё- and space-insensitive, so «семёнов» finds «Семенов». */
function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** Gives the proposal's `clientIds` to `toId`, 500 at a time (SQLite's parameters stay few). */
function giveTo(tx: DbOrTx, distributionId: number, clientIds: number[], toId: number): void {
  for (const chunk of chunks(clientIds)) {
    tx.update(distributionItems)
      .set({ toMemberId: toId })
      .where(and(eq(distributionItems.distributionId, distributionId), inArray(distributionItems.clientId, chunk)))
      .run();
  }
}

function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Cancels a proposal; nothing else changes. */
export function cancelProposal(db: Db, input: { distributionId: number; teamId: number }): "cancelled" | "not_found" | DistributionStatus {
  const dist = getDistribution(db, input.distributionId, input.teamId);
  if (!dist) return "not_found";
  if (dist.status !== "proposed") return dist.status;
  db.update(distributions).set({ status: "cancelled" }).where(and(eq(distributions.id, dist.id), eq(distributions.status, "proposed"))).run();
  return "cancelled";
}
