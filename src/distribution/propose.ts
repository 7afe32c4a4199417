/**
 * Proposing a distribution: a leaver's whole base (from a handover) or the team's unassigned pool, split
 * fairly over the team's managers (plan.ts), saved as a `distributions` row and one
 * `distribution_items` row per client that gets a new owner; and the table the lead sees, read fresh
 * from the database each time.
 */
import { knownCount, preferKnownManagers, voicesOfClients } from "../stars/continuity.js";
import { teamVoiceCutoff } from "../stars/voices.js";
import type { Db } from "../db/client.js";
import { and, count, eq, exists, inArray, sql } from "drizzle-orm";
import { clients, commitments, distributionItems, distributions, members, type Temperature } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import { planDistribution, type PlanManager } from "./plan.js";
import {
  audit,
  excludedIn,
  getDistribution,
  getHandover,
  insertItems,
  isEligible,
  loadScopeClients,
  loadsOf,
  recordedClientCount,
  teamCap,
  teamMembers,
  teamTimezone,
} from "./queries.js";
import type { ManagerRow, ProposalView, ProposeResult, TemperatureCounts } from "./types.js";

export interface ProposeInput {
  teamId: number;
  actorId: number;
  now: Date;
  /** Managers left out of this proposal (carried over when a stale proposal is re-planned). */
  excludeMemberIds?: number[];
}

/** Proposes a split of a handover's leaver's clients over the team's other active managers. */
export function proposeForHandover(db: Db, input: ProposeInput & { handoverId: number }): ProposeResult {
  const handover = getHandover(db, input.handoverId);
  if (!handover || handover.teamId !== input.teamId) return { ok: false, reason: "handover_not_found" };
  if (handover.status !== "active") return { ok: false, reason: "handover_not_active" };
  return propose(db, input, { handoverId: handover.id, leaverId: handover.leaverId });
}

/** Proposes a split of the team's unassigned pool. */
export function proposeForPool(db: Db, input: ProposeInput): ProposeResult {
  return propose(db, input, { handoverId: null, leaverId: null });
}

function propose(db: Db, input: ProposeInput, scope: { handoverId: number | null; leaverId: number | null }): ProposeResult {
  const planned = db.transaction((tx) => {
    const clientsInScope = loadScopeClients(db, input.teamId, scope.handoverId === null || scope.leaverId === null ? null : { leaverId: scope.leaverId, handoverId: scope.handoverId });
    if (clientsInScope.length === 0) return null;
    const excluded = new Set(input.excludeMemberIds ?? []);
    const today = localDate(input.now, teamTimezone(db, input.teamId));
    // Fair first; then, within exactly the same loads, clients go to someone who already knows them.
    const voices = voicesOfClients(db, input.teamId, clientsInScope.map((c) => c.id), teamVoiceCutoff(db, input.teamId, input.now));
    const plan = preferKnownManagers(
      planDistribution({ clients: clientsInScope, managers: planManagers(db, input.teamId, scope.leaverId, excluded), today }),
      clientsInScope,
      voices,
      today,
    );

    // One open proposal per scope: an older table's buttons become stale.
    tx.update(distributions)
      .set({ status: "cancelled" })
      .where(and(eq(distributions.teamId, input.teamId), eq(distributions.status, "proposed"), sql`${distributions.handoverId} IS ${scope.handoverId}`))
      .run();
    const distributionId = tx
      .insert(distributions)
      .values({ teamId: input.teamId, handoverId: scope.handoverId, createdById: input.actorId, status: "proposed", createdAt: input.now.getTime() })
      .returning({ id: distributions.id })
      .get().id;

    const ownerOf = new Map<number, number | null>();
    for (const c of clientsInScope) ownerOf.set(c.id, c.ownerId);
    insertItems(db, distributionId, plan.assignments.map((a) => [a.clientId, ownerOf.get(a.clientId) ?? null, a.managerId]));

    const base = { teamId: input.teamId, handoverId: null, actorId: input.actorId, now: input.now };
    audit(tx, {
      ...base,
      action: "distribution.proposed",
      details: { distributionId, handoverId: scope.handoverId, clients: clientsInScope.length, unassigned: plan.unassigned.length },
    });
    for (const memberId of excluded) audit(tx, { ...base, action: "distribution.excluded", details: { distributionId, memberId } });
    const added = new Map<number, TemperatureCounts>();
    for (const m of plan.perManager) if (m.added.hot + m.added.warm + m.added.cold > 0) added.set(m.managerId, m.added);
    return { distributionId, added };
  });
  if (planned === null) return { ok: false, reason: "nothing_to_distribute" };
  return { ok: true, view: proposalView(db, planned.distributionId, input.teamId, planned.added)! };
}



export function planManagers(db: Db, teamId: number, leaverId: number | null, excluded: ReadonlySet<number>, extraLoad?: Map<number, TemperatureCounts>): PlanManager[] {
  const loads = loadsOf(db, teamId, leaverId);
  const cap = teamCap(db, teamId);
  return teamMembers(db, teamId)
    .filter((m) => isEligible(m, leaverId, excluded))
    .map((m) => {
      const load = { ...(loads.get(m.id) ?? { hot: 0, warm: 0, cold: 0 }) };
      const extra = extraLoad?.get(m.id);
      if (extra) for (const t of TEMPERATURES) load[t] += extra[t];
      return { id: m.id, weight: m.weight, excluded: false, departing: false, load, cap };
    });
}

export const TEMPERATURES: readonly Temperature[] = ["hot", "warm", "cold"];

/** The table of a distribution as it stands now; null when it is not this team's. */
export function getProposalView(db: Db, distributionId: number, teamId: number): ProposalView | null {
  return proposalView(db, distributionId, teamId, null);
}

/** `knownAdded`: what each manager gets, when the caller has just planned it (no need to count it back). */
function proposalView(db: Db, distributionId: number, teamId: number, knownAdded: Map<number, TemperatureCounts> | null): ProposalView | null {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return null;
  const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
  const leaverId = handover?.leaverId ?? null;
  const excluded = excludedIn(db, teamId, distributionId);
  const people = teamMembers(db, teamId);
  const loads = loadsOf(db, teamId, leaverId);
  const cap = teamCap(db, teamId);

  const added = knownAdded ?? addedPerManager(db, distributionId);
  let assigned = 0;
  for (const a of added.values()) assigned += a.hot + a.warm + a.cold;
  const openCommitment = db
    .select({ one: sql`1` })
    .from(commitments)
    .where(and(eq(commitments.clientId, distributionItems.clientId), eq(commitments.status, "open")));
  const withCommitments = db
    .select({ n: count() })
    .from(distributionItems)
    .where(and(eq(distributionItems.distributionId, distributionId), exists(openCommitment)))
    .get()!.n;

  const nameOf = new Map<number, string>();
  for (const m of people) nameOf.set(m.id, m.name);
  if (added.size > 0) {
    // Targets who left the team since still need a name in the table.
    const missing = [...added.keys()].filter((id) => !nameOf.has(id));
    if (missing.length > 0) for (const m of db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, missing)).all()) nameOf.set(m.id, m.name);
  }
  const eligible = people.filter((m) => isEligible(m, leaverId, excluded));
  const shown = new Set<number>([...eligible.map((m) => m.id), ...added.keys()]);
  const rows: ManagerRow[] = [...shown].map((memberId) => {
    const a = added.get(memberId) ?? { hot: 0, warm: 0, cold: 0 };
    const load = loads.get(memberId) ?? { hot: 0, warm: 0, cold: 0 };
    const addedTotal = a.hot + a.warm + a.cold;
    const total = load.hot + load.warm + load.cold + addedTotal;
    return { memberId, name: nameOf.get(memberId) ?? "—", added: a, addedTotal, total, overCap: cap !== null && total > cap };
  });
  rows.sort((x, y) => x.name.localeCompare(y.name, "ru") || x.memberId - y.memberId);

  const clientCount = recordedClientCount(db, teamId, distributionId) ?? assigned;
  return {
    distributionId,
    teamId,
    handoverId: dist.handoverId,
    status: dist.status,
    leaver: handover ? { id: handover.leaverId, name: handover.leaverName } : null,
    clientCount,
    assigned,
    unassigned: Math.max(0, clientCount - assigned),
    withCommitments,
    cap,
    rows,
    excluded: [...excluded].map((memberId) => ({ memberId, name: nameOf.get(memberId) ?? "—" })),
    eligibleCount: eligible.length,
    known: knownCount(db, distributionId, teamVoiceCutoff(db, teamId, new Date(dist.createdAt))),
  };
}

function addedPerManager(db: Db, distributionId: number): Map<number, TemperatureCounts> {
  const added = new Map<number, TemperatureCounts>();
  const perTarget = db
    .select({ memberId: distributionItems.toMemberId, temperature: clients.temperature, n: count() })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .where(eq(distributionItems.distributionId, distributionId))
    .groupBy(distributionItems.toMemberId, clients.temperature)
    .all();
  for (const r of perTarget) {
    const a = added.get(r.memberId) ?? { hot: 0, warm: 0, cold: 0 };
    a[r.temperature] += r.n;
    added.set(r.memberId, a);
  }
  return added;
}

/** The managers a lead may exclude from, or move clients to in, this proposal. */
export function eligibleManagers(db: Db, distributionId: number, teamId: number): { memberId: number; name: string }[] {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return [];
  const leaverId = dist.handoverId === null ? null : (getHandover(db, dist.handoverId)?.leaverId ?? null);
  const excluded = excludedIn(db, teamId, distributionId);
  return teamMembers(db, teamId)
    .filter((m) => isEligible(m, leaverId, excluded))
    .map((m) => ({ memberId: m.id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru") || a.memberId - b.memberId);
}

/** The managers excluded in this proposal (to carry them over to a re-plan). */
export function excludedManagers(db: Db, distributionId: number, teamId: number): number[] {
  return [...excludedIn(db, teamId, distributionId)];
}
