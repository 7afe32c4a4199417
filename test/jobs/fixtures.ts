// Rows other features write (handovers, checklist steps, calls), seeded directly for the nag tests.
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { calls, checklistSteps, handovers, members, notifications, teams, type StepKind } from "../../src/db/schema.js";
import { SEED_TIME_MS } from "../support/clock.js";

export function seedHandover(db: Db, input: { teamId?: number; leaverId: number; startedById: number; lastDay: string; status?: "active" | "closed" | "cancelled" }): number {
  db.update(members).set({ status: "departing" }).where(eq(members.id, input.leaverId)).run();
  return db
    .insert(handovers)
    .values({
      teamId: input.teamId ?? 1,
      leaverId: input.leaverId,
      startedById: input.startedById,
      terms: "good",
      lastDay: input.lastDay,
      status: input.status ?? "active",
      createdAt: SEED_TIME_MS,
    })
    .returning({ id: handovers.id })
    .get().id;
}

export function seedStep(
  db: Db,
  input: { handoverId: number; kind: StepKind; dueOn: string; responsibleId?: number | null; status?: "open" | "done" | "skipped"; title?: string; position?: number },
): number {
  return db
    .insert(checklistSteps)
    .values({
      handoverId: input.handoverId,
      position: input.position ?? 1,
      kind: input.kind,
      title: input.title ?? null,
      responsibleId: input.responsibleId ?? null,
      dueOn: input.dueOn,
      status: input.status ?? "open",
    })
    .returning({ id: checklistSteps.id })
    .get().id;
}

export function seedCall(db: Db, input: { teamId?: number; clientId: number; assigneeId: number; dueOn: string; status?: "open" | "reached" | "lost" | "cancelled" }): number {
  return db
    .insert(calls)
    .values({
      teamId: input.teamId ?? 1,
      clientId: input.clientId,
      assigneeId: input.assigneeId,
      kind: "reactivation",
      dueOn: input.dueOn,
      status: input.status ?? "open",
      createdAt: SEED_TIME_MS,
    })
    .returning({ id: calls.id })
    .get().id;
}

export function setTeam(db: Db, values: Partial<typeof teams.$inferInsert>, teamId = 1): void {
  db.update(teams).set(values).where(eq(teams.id, teamId)).run();
}

export function outbox(db: Db) {
  return db.select().from(notifications).all();
}
