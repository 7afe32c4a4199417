/**
 * Adjusting an open proposal before it is applied: move N clients or one client between managers, leave a
 * manager out (their share planned again over the others), find a client of it, or cancel it.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { distributions, type DistributionStatus, type Temperature } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import { planDistribution, type PlanClient } from "./plan.js";
import { eligibleManagers, planManagers, TEMPERATURES } from "./propose.js";
import { audit, excludedIn, getDistribution, getHandover, raw, teamTimezone } from "./queries.js";
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
    const items = raw(db)
      .prepare(
        `SELECT di.client_id AS clientId, c.temperature FROM distribution_items di JOIN clients c ON c.id = di.client_id
          WHERE di.distribution_id = ? AND di.to_member_id = ? ORDER BY di.client_id DESC`,
      )
      .all(dist.id, input.fromId) as { clientId: number; temperature: Temperature }[];
    if (!Number.isInteger(input.count) || input.count < 1) return { ok: false, reason: "too_many" };
    if (items.length < input.count) return { ok: false, reason: items.length === 0 ? "bad_manager" : "too_many" };

    const queues = TEMPERATURES.map((t) => items.filter((i) => i.temperature === t));
    const chosen: number[] = [];
    for (let t = 0; chosen.length < input.count; t = (t + 1) % 3) {
      const next = queues[t]!.shift();
      if (next) chosen.push(next.clientId);
    }
    const update = raw(db).prepare(`UPDATE distribution_items SET to_member_id = ? WHERE distribution_id = ? AND client_id = ?`);
    for (const clientId of chosen) update.run(input.toId, dist.id, clientId);
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
    const item = raw(db)
      .prepare(`SELECT to_member_id AS toId FROM distribution_items WHERE distribution_id = ? AND client_id = ?`)
      .get(dist.id, input.clientId) as { toId: number } | undefined;
    if (!item) return { ok: false, reason: "bad_client" };
    if (item.toId === input.toId) return { ok: false, reason: "same_manager" };
    if (!isTarget(db, dist, input.toId)) return { ok: false, reason: "bad_manager" };
    raw(db).prepare(`UPDATE distribution_items SET to_member_id = ? WHERE distribution_id = ? AND client_id = ?`).run(input.toId, dist.id, input.clientId);
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

    const theirs = raw(db)
      .prepare(
        `SELECT c.id, c.temperature, c.company, c.next_contact_on AS nextContactOn,
                (SELECT min(k.due_on) FROM commitments k WHERE k.client_id = c.id AND k.status = 'open') AS deadlineOn
           FROM distribution_items di JOIN clients c ON c.id = di.client_id
          WHERE di.distribution_id = ? AND di.to_member_id = ? ORDER BY c.id`,
      )
      .all(dist.id, input.memberId) as PlanClient[];
    const alreadyAdded = new Map<number, TemperatureCounts>();
    const perTarget = raw(db)
      .prepare(
        `SELECT di.to_member_id AS memberId, c.temperature, count(*) AS n FROM distribution_items di
           JOIN clients c ON c.id = di.client_id WHERE di.distribution_id = ? AND di.to_member_id != ?
          GROUP BY di.to_member_id, c.temperature`,
      )
      .all(dist.id, input.memberId) as { memberId: number; temperature: Temperature; n: number }[];
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
    const update = raw(db).prepare(`UPDATE distribution_items SET to_member_id = ? WHERE distribution_id = ? AND client_id = ?`);
    for (const a of plan.assignments) update.run(a.managerId, dist.id, a.clientId);
    const remove = raw(db).prepare(`DELETE FROM distribution_items WHERE distribution_id = ? AND client_id = ?`);
    for (const clientId of plan.unassigned) remove.run(dist.id, clientId);
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

function firstPhoneTail(phonesJson: string): string | null {
  const first = String((JSON.parse(phonesJson || "[]") as string[])[0] ?? "").replace(/\D/g, "");
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
  const rows = raw(db)
    .prepare(
      `SELECT c.id AS clientId, c.name, c.company, c.phones, di.to_member_id AS toMemberId, m.name AS toName
         FROM distribution_items di JOIN clients c ON c.id = di.client_id JOIN members m ON m.id = di.to_member_id
        WHERE di.distribution_id = ? ORDER BY c.name, c.id`,
    )
    .all(dist.id) as (Omit<FoundClient, "phoneTail"> & { phones: string })[];
  const matches = rows.filter((r) => {
    if (needle.length > 0 && (normaliseText(r.name).includes(needle) || normaliseText(r.company ?? "").includes(needle))) return true;
    return digits.length >= 3 && r.phones.replace(/\D/g, "").includes(digits);
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

/** Cancels a proposal; nothing else changes. */
export function cancelProposal(db: Db, input: { distributionId: number; teamId: number }): "cancelled" | "not_found" | DistributionStatus {
  const dist = getDistribution(db, input.distributionId, input.teamId);
  if (!dist) return "not_found";
  if (dist.status !== "proposed") return dist.status;
  db.update(distributions).set({ status: "cancelled" }).where(and(eq(distributions.id, dist.id), eq(distributions.status, "proposed"))).run();
  return "cancelled";
}
