// The queries a checklist tap runs (access, the step change, the redrawn checklist), prepared once per
// connection (db/prepared.ts) instead of built by drizzle on every tap.
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { calls, checklistSteps, clients, commitments, distributionItems, distributions, handovers, members, teams } from "../db/schema.js";
import { preparedOnce } from "../db/prepared.js";

const p = sql.placeholder;

export const checklistStatements = preparedOnce((db, sqlite) => ({
  /** A lead confirms a step: done, when, by whom. */
  markStepDone: sqlite.prepare("UPDATE checklist_steps SET status = 'done', completed_at = ?, completed_by_id = ? WHERE id = ?"),
  handoverById: db.select().from(handovers).where(eq(handovers.id, p("id"))).prepare(),
  stepsOf: db.select().from(checklistSteps).where(eq(checklistSteps.handoverId, p("handoverId"))).orderBy(asc(checklistSteps.position), asc(checklistSteps.id)).prepare(),
  stepOf: db.select().from(checklistSteps).where(and(eq(checklistSteps.id, p("stepId")), eq(checklistSteps.handoverId, p("handoverId")))).prepare(),
  teamById: db.select().from(teams).where(eq(teams.id, p("id"))).prepare(),
  memberById: db.select().from(members).where(eq(members.id, p("id"))).prepare(),
  memberNamesOfTeam: db.select({ id: members.id, name: members.name }).from(members).where(eq(members.teamId, p("teamId"))).prepare(),
  ownedByLeaver: db
    .select({ n: sql<number>`count(*)` })
    .from(clients)
    .where(and(eq(clients.teamId, p("teamId")), eq(clients.ownerId, p("leaverId")), eq(clients.status, "active")))
    .prepare(),
  unassignedOfHandover: db
    .select({ n: sql<number>`count(*)` })
    .from(clients)
    .where(
      and(
        eq(clients.teamId, p("teamId")),
        isNull(clients.ownerId),
        eq(clients.status, "active"),
        or(
          eq(clients.previousOwnerId, p("leaverId")),
          eq(clients.originHandoverId, p("handoverId")),
          inArray(
            clients.id,
            db
              .select({ id: distributionItems.clientId })
              .from(distributionItems)
              .innerJoin(distributions, eq(distributions.id, distributionItems.distributionId))
              .where(eq(distributions.handoverId, p("handoverId"))),
          ),
        ),
      ),
    )
    .prepare(),
  reactivationByStatus: db
    .select({ status: calls.status, n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.handoverId, p("handoverId")), eq(calls.kind, "reactivation"), ne(calls.status, "cancelled")))
    .groupBy(calls.status)
    .prepare(),
  openCommitmentsOfHandover: db
    .select({ n: sql<number>`count(*)` })
    .from(commitments)
    .where(and(eq(commitments.handoverId, p("handoverId")), eq(commitments.status, "open")))
    .prepare(),
}));
