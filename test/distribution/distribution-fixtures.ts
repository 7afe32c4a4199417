// Fixtures for the distribution tests: a handover with its checklist, seeded straight into the database
// (the /offboard dialogue itself is tested in its own files).
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { calls, checklistSteps, handovers, members, type StepKind } from "../../src/db/schema.js";
import { SEED_TIME_MS } from "../support/clock.js";

const KINDS: StepKind[] = ["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "final_check"];

export function seedHandover(
  db: Db,
  input: { teamId: number; leaverId: number; startedById: number; lastDay?: string; terms?: "good" | "bad"; now?: number },
): number {
  const now = input.now ?? SEED_TIME_MS;
  return db.transaction((tx) => {
    const handoverId = tx
      .insert(handovers)
      .values({
        teamId: input.teamId,
        leaverId: input.leaverId,
        startedById: input.startedById,
        terms: input.terms ?? "good",
        lastDay: input.lastDay ?? "2026-11-27",
        leaverPreviousStatus: "active",
        createdAt: now,
      })
      .returning({ id: handovers.id })
      .get().id;
    KINDS.forEach((kind, i) =>
      tx.insert(checklistSteps).values({ handoverId, position: i + 1, kind, responsibleId: input.startedById, dueOn: input.lastDay ?? "2026-11-27" }).run(),
    );
    tx.update(members).set({ status: "departing" }).where(eq(members.id, input.leaverId)).run();
    return handoverId;
  });
}

export function stepStatus(db: Db, handoverId: number, kind: StepKind): string | undefined {
  return stepRow(db, handoverId, kind)?.status;
}

function stepRow(db: Db, handoverId: number, kind: StepKind) {
  return db
    .select()
    .from(checklistSteps)
    .where(eq(checklistSteps.handoverId, handoverId))
    .all()
    .find((s) => s.kind === kind);
}

/** A reactivation call of a distribution, as the calls feature would create it; `recorded` gives it an outcome. */
export function seedCall(
  db: Db,
  input: { teamId: number; clientId: number; assigneeId: number; distributionId: number; handoverId?: number | null; recorded?: boolean },
): number {
  return db
    .insert(calls)
    .values({
      teamId: input.teamId,
      clientId: input.clientId,
      assigneeId: input.assigneeId,
      distributionId: input.distributionId,
      handoverId: input.handoverId ?? null,
      kind: "reactivation",
      dueOn: "2026-11-24",
      status: input.recorded ? "reached" : "open",
      attempts: input.recorded ? 1 : 0,
      createdAt: SEED_TIME_MS,
    })
    .returning({ id: calls.id })
    .get().id;
}
