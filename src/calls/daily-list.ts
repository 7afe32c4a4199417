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

/** One page of a member's list: full counts, and only the entries of that page (for /today's paging). */
export interface DailyListPage extends DailyList {
  /** Where in the whole list the first entry held here stands (0-based). */
  offset: number;
  /** The page held (0-based; a page asked beyond the end gives the last one) and how many there are. */
  page: number;
  pages: number;
}

/**
 * One page of a member's list, `perPage` entries in the list's order (overdue and today's calls, next
 * contacts, deadlines): counted in SQL and only the page read, so paging a long list costs what a page costs.
 */
export function dailyListPageOf(db: Db, input: { memberId: number; today: string; page: number; perPage: number }): DailyListPage {
  const { memberId, today, perPage } = input;
  const q = queriesFor(db, "member");
  const params = { memberId, today };
  const counted = q.counts.get(params);
  const counts = {
    overdue: counted?.overdue ?? 0,
    calls: (counted?.calls ?? 0) - (counted?.overdue ?? 0),
    contacts: counted?.contacts ?? 0,
    deadlines: counted?.deadlines ?? 0,
    total: 0,
  };
  counts.total = counts.overdue + counts.calls + counts.contacts + counts.deadlines;
  const pages = Math.max(1, Math.ceil(counts.total / perPage));
  const page = Math.min(Math.max(0, Math.trunc(input.page) || 0), pages - 1);
  const list: DailyListPage = { ...emptyList(memberId, today), counts, offset: page * perPage, page, pages };

  // The page's window over the sections, in order: calls (overdue first: they sort by due date), contacts, deadlines.
  const from = page * perPage;
  const to = from + perPage;
  let start = 0;
  const window = (size: number) => {
    const w = { offset: Math.max(0, from - start), limit: Math.max(0, Math.min(to, start + size) - Math.max(from, start)) };
    start += size;
    return w;
  };
  const callsWindow = window(counts.overdue + counts.calls);
  const contactsWindow = window(counts.contacts);
  const deadlinesWindow = window(counts.deadlines);
  if (callsWindow.limit > 0) {
    for (const { assigneeId: _, ...entry } of q.callsPage.all({ ...params, ...callsWindow })) (entry.dueOn < today ? list.overdue : list.calls).push(entry);
  }
  if (contactsWindow.limit > 0) {
    for (const { ownerId: _, nextContactOn, ...entry } of q.contactsPage.all({ ...params, ...contactsWindow })) list.contacts.push({ ...entry, nextContactOn: nextContactOn! });
  }
  if (deadlinesWindow.limit > 0) {
    for (const { ownerId: _, dueOn, ...entry } of q.deadlinesPage.all({ ...params, ...deadlinesWindow })) list.deadlines.push({ ...entry, dueOn: dueOn! });
  }
  return list;
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
  const limit = sql.placeholder("limit");
  const offset = sql.placeholder("offset");

  // Open calls due today or earlier: calls_assignee_due_idx or calls_team_status_idx. A lost client's
  // calls are left out, as its deadlines are (a touch planned before the loss is voided when tapped).
  // The listing queries join the client and test its status on the joined row; the count has no join
  // and asks the client by its key.
  const callsRange = and(by === "member" ? eq(calls.assigneeId, member) : eq(calls.teamId, team), eq(calls.status, "open"), lte(calls.dueOn, today));
  const callsWhere = and(callsRange, sql`exists (select 1 from ${clients} where ${clients.id} = ${calls.clientId} and ${clients.status} = 'active')`);
  const callsQuery = () =>
    db
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
      .where(and(callsRange, eq(clients.status, "active")))
      .orderBy(asc(calls.dueOn), sql`${calls.dueTime} is null`, asc(calls.dueTime), sql`${calls.kind} <> 'reactivation'`, temperatureRank, asc(calls.id));

  // Next contacts due, of active clients without an open call (those are listed as calls already):
  // clients_team_owner_next_idx range scans, one per owner, and calls_client_idx for the open-call check.
  const owners = db.select({ id: members.id }).from(members).where(and(eq(members.teamId, team), ne(members.status, "left")));
  const contactsWhere = and(
    // The team first, for clients_team_owner_next_idx: the member's team is looked up once.
    eq(clients.teamId, by === "member" ? sql`(select ${members.teamId} from ${members} where ${members.id} = ${member})` : team),
    by === "member" ? eq(clients.ownerId, member) : inArray(clients.ownerId, owners),
    isNotNull(clients.nextContactOn),
    lte(clients.nextContactOn, today),
    eq(clients.status, "active"),
    // A colleague's second-voice touch does not take the owner's own next contact off their list.
    sql`not exists (select 1 from ${calls} where ${calls.clientId} = ${clients.id} and ${calls.status} = 'open' and ${calls.kind} <> 'second_voice')`,
  );
  const contactsQuery = () =>
    db
      .select({
        ownerId: clients.ownerId,
        clientId: clients.id,
        clientName: clients.name,
        company: clients.company,
        temperature: clients.temperature,
        nextContactOn: clients.nextContactOn,
      })
      .from(clients)
      .where(contactsWhere)
      .orderBy(asc(clients.nextContactOn), temperatureRank, asc(clients.id));

  // Open commitments due today or overdue: commitments_owner_due_idx or commitments_team_due_idx.
  const deadlinesRange = and(
    by === "member" ? eq(commitments.ownerId, member) : eq(commitments.teamId, team),
    eq(commitments.status, "open"),
    isNotNull(commitments.dueOn),
    lte(commitments.dueOn, today),
  );
  // A lost client's promises are nobody's work any more (the deadline nag drops them too).
  const deadlinesWhere = and(deadlinesRange, sql`exists (select 1 from ${clients} where ${clients.id} = ${commitments.clientId} and ${clients.status} = 'active')`);
  const deadlinesQuery = () =>
    db
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
      .where(and(deadlinesRange, eq(clients.status, "active")))
      .orderBy(asc(commitments.dueOn), asc(commitments.id));

  const whole = { calls: callsQuery().prepare(), contacts: contactsQuery().prepare(), deadlines: deadlinesQuery().prepare() };
  // A page (member scope): the counts, with the same conditions, then only the page's rows. The counts
  // need no join: calls and commitments have a client by foreign key (NOT NULL, enforced).
  const count = sql<number>`count(*)`;
  const paging = {
    // One statement: the calls counted over their index range, contacts and deadlines by (uncorrelated,
    // so evaluated once) subqueries.
    counts: db
      .select({
        calls: count,
        overdue: sql<number>`coalesce(sum(${calls.dueOn} < ${today}), 0)`,
        contacts: sql<number>`(select count(*) from ${clients} where ${contactsWhere})`,
        deadlines: sql<number>`(select count(*) from ${commitments} where ${deadlinesWhere})`,
      })
      .from(calls)
      .where(callsWhere)
      .prepare(),
    callsPage: callsQuery().limit(limit).offset(offset).prepare(),
    contactsPage: contactsQuery().limit(limit).offset(offset).prepare(),
    deadlinesPage: deadlinesQuery().limit(limit).offset(offset).prepare(),
  };
  return { ...whole, ...paging };
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
