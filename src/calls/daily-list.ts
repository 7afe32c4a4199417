// A member's list for a day: overdue calls, calls due today, next contacts due, commitment deadlines.
// Built with a handful of set-based indexed queries — per member (for /today) or per team (for the
// digest) — never one query per client.
import { and, asc, eq, inArray, isNotNull, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calls, clients, commitments, members, type CallKind, type CommitmentKind, type Temperature } from "../db/schema.js";

export interface CallEntry {
  callId: number;
  clientId: number;
  clientName: string;
  company: string | null;
  temperature: Temperature;
  kind: CallKind;
  dueOn: string;
  dueTime: string | null;
  attempts: number;
}

export interface ContactEntry {
  clientId: number;
  clientName: string;
  company: string | null;
  temperature: Temperature;
  nextContactOn: string;
}

export interface DeadlineEntry {
  commitmentId: number;
  clientId: number;
  clientName: string;
  kind: CommitmentKind;
  text: string;
  dueOn: string;
}

export interface DailyList {
  memberId: number;
  date: string;
  overdue: CallEntry[];
  calls: CallEntry[];
  contacts: ContactEntry[];
  deadlines: DeadlineEntry[];
  counts: { overdue: number; calls: number; contacts: number; deadlines: number; total: number };
}

/** Which rows: one member's (member indexes) or a whole team's (team indexes). */
type Scope = { memberId: number } | { teamId: number };

/** One member's list for `today` ('YYYY-MM-DD', the team's local date). */
export function dailyListOf(db: Db, input: { memberId: number; today: string }): DailyList {
  return build(db, { memberId: input.memberId }, input.today).get(input.memberId) ?? emptyList(input.memberId, input.today);
}

/** Every member's list for the team in a few queries; members with nothing to do are absent. */
export function dailyListsOfTeam(db: Db, input: { teamId: number; today: string }): Map<number, DailyList> {
  return build(db, { teamId: input.teamId }, input.today);
}

export function emptyList(memberId: number, date: string): DailyList {
  return { memberId, date, overdue: [], calls: [], contacts: [], deadlines: [], counts: { overdue: 0, calls: 0, contacts: 0, deadlines: 0, total: 0 } };
}

const temperatureRank = sql<number>`case ${clients.temperature} when 'hot' then 0 when 'warm' then 1 else 2 end`;

/**
 * The three queries, prepared once per database and scope: building a drizzle query costs more than
 * running it, and /today or the digest run them thousands of times a morning.
 */
function prepareQueries(db: Db, by: "member" | "team") {
  const member = sql.placeholder("memberId");
  const team = sql.placeholder("teamId");
  const today = sql.placeholder("today");

  // Open calls due today or earlier: calls_assignee_due_idx or calls_team_status_idx.
  const calls_ = db
    .select({
      assigneeId: calls.assigneeId,
      callId: calls.id,
      clientId: calls.clientId,
      clientName: clients.name,
      company: clients.company,
      temperature: clients.temperature,
      kind: calls.kind,
      dueOn: calls.dueOn,
      dueTime: calls.dueTime,
      attempts: calls.attempts,
    })
    .from(calls)
    .innerJoin(clients, eq(clients.id, calls.clientId))
    .where(and(by === "member" ? eq(calls.assigneeId, member) : eq(calls.teamId, team), eq(calls.status, "open"), lte(calls.dueOn, today)))
    .orderBy(asc(calls.dueOn), sql`${calls.dueTime} is null`, asc(calls.dueTime), sql`${calls.kind} <> 'reactivation'`, temperatureRank, asc(calls.id))
    .prepare();

  // Next contacts due, of active clients without an open call (those are listed as calls already):
  // clients_team_owner_next_idx range scans, one per owner, and calls_client_idx for the open-call check.
  const owners = db.select({ id: members.id }).from(members).where(and(eq(members.teamId, team), ne(members.status, "left")));
  const contacts = db
    .select({
      ownerId: clients.ownerId,
      clientId: clients.id,
      clientName: clients.name,
      company: clients.company,
      temperature: clients.temperature,
      nextContactOn: clients.nextContactOn,
    })
    .from(clients)
    .where(
      and(
        // The team first, for clients_team_owner_next_idx: the member's team is looked up once.
        eq(clients.teamId, by === "member" ? sql`(select ${members.teamId} from ${members} where ${members.id} = ${member})` : team),
        by === "member" ? eq(clients.ownerId, member) : inArray(clients.ownerId, owners),
        isNotNull(clients.nextContactOn),
        lte(clients.nextContactOn, today),
        eq(clients.status, "active"),
        // A colleague's second-voice touch does not take the owner's own next contact off their list.
        sql`not exists (select 1 from ${calls} where ${calls.clientId} = ${clients.id} and ${calls.status} = 'open' and ${calls.kind} <> 'second_voice')`,
      ),
    )
    .orderBy(asc(clients.nextContactOn), temperatureRank, asc(clients.id))
    .prepare();

  // Open commitments due today or overdue: commitments_owner_due_idx or commitments_team_due_idx.
  const deadlines = db
    .select({
      ownerId: commitments.ownerId,
      commitmentId: commitments.id,
      clientId: commitments.clientId,
      clientName: clients.name,
      kind: commitments.kind,
      text: commitments.text,
      dueOn: commitments.dueOn,
    })
    .from(commitments)
    .innerJoin(clients, eq(clients.id, commitments.clientId))
    .where(
      and(
        by === "member" ? eq(commitments.ownerId, member) : eq(commitments.teamId, team),
        eq(commitments.status, "open"),
        isNotNull(commitments.dueOn),
        lte(commitments.dueOn, today),
      ),
    )
    .orderBy(asc(commitments.dueOn), asc(commitments.id))
    .prepare();

  return { calls: calls_, contacts, deadlines };
}

type Prepared = ReturnType<typeof prepareQueries>;
const prepared = new WeakMap<Db, { member?: Prepared; team?: Prepared }>();

function queriesFor(db: Db, by: "member" | "team"): Prepared {
  let entry = prepared.get(db);
  if (!entry) prepared.set(db, (entry = {}));
  return (entry[by] ??= prepareQueries(db, by));
}

function build(db: Db, scope: Scope, today: string): Map<number, DailyList> {
  const lists = new Map<number, DailyList>();
  const listOf = (memberId: number) => {
    let list = lists.get(memberId);
    if (!list) lists.set(memberId, (list = emptyList(memberId, today)));
    return list;
  };
  const q = queriesFor(db, "memberId" in scope ? "member" : "team");
  const params = "memberId" in scope ? { memberId: scope.memberId, today } : { teamId: scope.teamId, today };

  for (const { assigneeId, ...entry } of q.calls.all(params)) {
    const list = listOf(assigneeId);
    (entry.dueOn < today ? list.overdue : list.calls).push(entry);
  }
  for (const { ownerId, nextContactOn, ...entry } of q.contacts.all(params)) {
    listOf(ownerId!).contacts.push({ ...entry, nextContactOn: nextContactOn! });
  }
  for (const { ownerId, dueOn, ...entry } of q.deadlines.all(params)) {
    if (ownerId === null) continue; // the pool's deadlines are the nags' business
    listOf(ownerId).deadlines.push({ ...entry, dueOn: dueOn! });
  }

  for (const list of lists.values()) {
    const c = list.counts;
    c.overdue = list.overdue.length;
    c.calls = list.calls.length;
    c.contacts = list.contacts.length;
    c.deadlines = list.deadlines.length;
    c.total = c.overdue + c.calls + c.contacts + c.deadlines;
  }
  return lists;
}
