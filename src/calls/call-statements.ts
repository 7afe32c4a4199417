// Every query a call card or an outcome tap runs, prepared once per connection (db/prepared.ts): the
// calls rules (calls.ts) take their statements from here instead of building SQL on each tap.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { calls, clients, distributionItems, handovers, members, teams } from "../db/schema.js";
import { preparedOnce } from "../db/prepared.js";

const p = sql.placeholder;

/** How many history events a card shows. */
export const HISTORY_ON_CARD = 5;

/**
 * A client's calls as a card opened from the client ("log a call") sees them: a colleague's second-voice
 * touch is his to make, so the owner's (or a lead's) own call neither shows nor closes it.
 */
const yours = sql`(${calls.kind} <> 'second_voice' or ${calls.assigneeId} = ${p("viewer")})`;

export const callStatements = preparedOnce((db, sqlite) => ({
  memberById: db.select().from(members).where(eq(members.id, p("id"))).prepare(),
  /** One person's name: a card names three or four people (reading the whole team's names cost more). */
  memberName: sqlite.prepare(`SELECT name FROM members WHERE id = ?`).pluck(),
  callById: db.select().from(calls).where(eq(calls.id, p("id"))).prepare(),
  clientById: db.select().from(clients).where(eq(clients.id, p("id"))).prepare(),
  teamById: db.select().from(teams).where(eq(teams.id, p("id"))).prepare(),
  handoverById: db.select().from(handovers).where(eq(handovers.id, p("id"))).prepare(),
  activeHandoverOfLeaver: db
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.leaverId, p("leaverId")), eq(handovers.status, "active")))
    .prepare(),
  distributionFrom: db
    .select({ from: distributionItems.fromMemberId })
    .from(distributionItems)
    .where(and(eq(distributionItems.distributionId, p("distributionId")), eq(distributionItems.clientId, p("clientId"))))
    .prepare(),
  /** The client's newest call a card of this viewer stands for (see `yours`). */
  latestCallOf: db
    .select()
    .from(calls)
    .where(and(eq(calls.clientId, p("clientId")), yours))
    .orderBy(desc(calls.id))
    .limit(1)
    .prepare(),
  /** The client's open call a card of this viewer stands for, the viewer's own first (calls_client_idx). */
  openCallOf: db
    .select()
    .from(calls)
    .where(and(eq(calls.clientId, p("clientId")), eq(calls.status, "open"), yours))
    .orderBy(sql`${calls.assigneeId} = ${p("viewer")} desc`, sql`${calls.kind} = 'reactivation' desc`, asc(calls.dueOn), asc(calls.id))
    .limit(1)
    .prepare(),
  // A card's reads that need no drizzle mapping: its columns as arrays, decoded in calls.ts.
  /** The latest events, newest first: kind, at, details (JSON), actor id (named with the card's other names). */
  history: sqlite.prepare(`SELECT kind, at, details, actor_id FROM client_events WHERE client_id = ? ORDER BY at DESC, id DESC LIMIT ${HISTORY_ON_CARD}`).raw(),
  /** Open commitments as the card lists them: due day (nulls first), text. */
  openCommitmentsOfClient: sqlite.prepare(`SELECT due_on, text FROM commitments WHERE client_id = ? AND status = 'open' ORDER BY due_on, id`).raw(),
  teamTimezone: sqlite.prepare(`SELECT timezone FROM teams WHERE id = ?`).pluck(),
  /** Who recorded the call's latest outcome (a repeat tap finds its own first tap there); the client, then the call. */
  lastOutcomeActor: sqlite
    .prepare(`SELECT actor_id FROM client_events WHERE client_id = ? AND kind LIKE 'call\\_%' ESCAPE '\\' AND json_extract(details, '$.callId') = ? ORDER BY at DESC, id DESC LIMIT 1`)
    .pluck(),
  openReactivationsLeft: db
    .select({ n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.handoverId, p("handoverId")), eq(calls.status, "open"), eq(calls.kind, "reactivation")))
    .prepare(),
  /** "No answer": one more attempt, moved to the next working day. */
  noAnswer: db
    .update(calls)
    .set({ attempts: sql`${p("attempts")}`, dueOn: sql`${p("dueOn")}`, dueTime: null })
    .where(eq(calls.id, p("id")))
    .returning()
    .prepare(),
  insertEvent: sqlite.prepare(`INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) VALUES (?, ?, ?, ?, ?, ?)`),
}));
