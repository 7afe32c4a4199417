// Continuity in a handover: after the fair plan is made, a client goes preferably to a member who already
// has a voice with it. Only swaps of two single clients of the same temperature and the same near-term
// flag between two managers are made, so every manager's load, temperature mix and near-term count stay
// exactly as the fair plan made them; company groups are never split. Pure: no I/O.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clientVoices } from "../db/schema.js";
import { addDays } from "../platform/calendar.js";
import type { PlanClient, PlanResult } from "../distribution/plan.js";

/** Members with a voice (touch within the window) per client, for the clients given. */
export function voicesOfClients(db: Db, teamId: number, clientIds: number[], cutoff: number): Map<number, Set<number>> {
  const voices = new Map<number, Set<number>>();
  for (let i = 0; i < clientIds.length; i += 500) {
    const rows = db
      .select({ clientId: clientVoices.clientId, memberId: clientVoices.memberId })
      .from(clientVoices)
      .where(and(eq(clientVoices.teamId, teamId), inArray(clientVoices.clientId, clientIds.slice(i, i + 500)), gte(clientVoices.lastTouchAt, cutoff)))
      .all();
    for (const r of rows) {
      let set = voices.get(r.clientId);
      if (!set) voices.set(r.clientId, (set = new Set()));
      set.add(r.memberId);
    }
  }
  return voices;
}

/** How many of a distribution's clients go to someone who already knows them. */
export function knownCount(db: Db, distributionId: number, cutoff: number): number {
  const row = db.get<{ n: number }>(sql`
    select count(*) as n from distribution_items di
    where di.distribution_id = ${distributionId}
      and exists (select 1 from client_voices v where v.client_id = di.client_id and v.member_id = di.to_member_id and v.last_touch_at >= ${cutoff})`);
  return row?.n ?? 0;
}

const companyKey = (company: string | null) => (company ?? "").normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

export function preferKnownManagers(plan: PlanResult, clients: PlanClient[], voices: Map<number, Set<number>>, today: string, soonDays = 7): PlanResult {
  if (voices.size === 0 || plan.assignments.length < 2) return plan;
  const byId = new Map(clients.map((c) => [c.id, c]));
  // Company groups (two or more clients of one company) stay together: they are not swapped.
  const companies = new Map<string, number>();
  for (const c of clients) {
    const k = companyKey(c.company);
    if (k !== "") companies.set(k, (companies.get(k) ?? 0) + 1);
  }
  const soonUntil = addDays(today, soonDays);
  const swappable = (c: PlanClient) => (companies.get(companyKey(c.company)) ?? 0) < 2;
  const soon = (c: PlanClient) => (c.nextContactOn !== null && c.nextContactOn <= soonUntil) || (c.deadlineOn !== null && c.deadlineOn <= soonUntil);
  const classOf = (c: PlanClient) => `${c.temperature}|${soon(c) ? 1 : 0}`;

  const to = new Map(plan.assignments.map((a) => [a.clientId, a.managerId]));
  const knows = (memberId: number, clientId: number) => voices.get(clientId)?.has(memberId) ?? false;
  // Per manager and class: their clients who do not know them (the ones a swap can take away for free).
  const pool = new Map<string, number[]>();
  for (const [clientId, managerId] of to) {
    const c = byId.get(clientId);
    if (!c || !swappable(c) || knows(managerId, clientId)) continue;
    const key = `${managerId}|${classOf(c)}`;
    (pool.get(key) ?? pool.set(key, []).get(key)!).push(clientId);
  }
  const fixed = new Set<number>();
  for (const [clientId, voiceSet] of voices) {
    const a = to.get(clientId);
    const c = byId.get(clientId);
    if (a === undefined || !c || !swappable(c) || fixed.has(clientId) || voiceSet.has(a)) continue;
    for (const b of voiceSet) {
      if (b === a) continue;
      const list = pool.get(`${b}|${classOf(c)}`);
      if (!list || list.length === 0) continue;
      // Prefer a partner who knows `a` (both win), else any partner who does not know `b`.
      let pick = list.findIndex((d) => !fixed.has(d) && d !== clientId && knows(a, d));
      if (pick < 0) pick = list.findIndex((d) => !fixed.has(d) && d !== clientId);
      if (pick < 0) continue;
      const d = list.splice(pick, 1)[0]!;
      const own = pool.get(`${a}|${classOf(c)}`);
      const at = own?.indexOf(clientId) ?? -1;
      if (own && at >= 0) own.splice(at, 1);
      to.set(clientId, b);
      to.set(d, a);
      fixed.add(clientId);
      fixed.add(d);
      break;
    }
  }
  return { ...plan, assignments: plan.assignments.map((x) => ({ clientId: x.clientId, managerId: to.get(x.clientId)! })) };
}
