// Fixtures for the calls tests: a handover with a distribution seeded straight into the tables (the way
// the distribution flow's apply leaves them), then the reactivation calls scheduled by the real code.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { checklistSteps, clients, commitments, distributionItems, distributions, handovers, members, teams, type Terms } from "../../src/db/schema.js";
import { scheduleReactivationCalls } from "../../src/calls/reactivation.js";

export function seedTeam(db: Db, overrides: Partial<typeof teams.$inferInsert> = {}): number {
  return db
    .insert(teams)
    .values({ name: "Отдел", timezone: "Europe/Moscow", managerInviteToken: `m${Math.random()}`, leadInviteToken: `l${Math.random()}`, createdAt: 0, ...overrides })
    .returning({ id: teams.id })
    .get().id;
}

export function seedMember(db: Db, teamId: number, name: string, role: "lead" | "manager" = "manager", telegramId: number | null = null): number {
  return db.insert(members).values({ teamId, name, role, telegramId, reachability: telegramId ? "ok" : "unknown", createdAt: 0 }).returning({ id: members.id }).get().id;
}

/**
 * A handover of `leaverId` whose clients move as `moves` says, applied: owners changed, previous owner
 * remembered, a reactivation checklist step open, and the reactivation calls scheduled.
 */
export function seedAppliedHandover(
  db: Db,
  input: { teamId: number; leaverId: number; leadId: number; terms?: Terms; lastDay: string; moves: { clientId: number; to: number }[]; now: Date; withStep?: boolean },
): { handoverId: number; distributionId: number; scheduled: number } {
  return db.transaction((tx) => {
    const handoverId = tx
      .insert(handovers)
      .values({ teamId: input.teamId, leaverId: input.leaverId, startedById: input.leadId, terms: input.terms ?? "good", lastDay: input.lastDay, createdAt: input.now.getTime() })
      .returning({ id: handovers.id })
      .get().id;
    if (input.withStep !== false) {
      tx.insert(checklistSteps).values({ handoverId, position: 5, kind: "reactivation", dueOn: input.lastDay }).run();
    }
    const distributionId = tx
      .insert(distributions)
      .values({ teamId: input.teamId, handoverId, createdById: input.leadId, status: "applied", createdAt: input.now.getTime(), appliedAt: input.now.getTime() })
      .returning({ id: distributions.id })
      .get().id;
    for (const move of input.moves) {
      tx.insert(distributionItems).values({ distributionId, clientId: move.clientId, fromMemberId: input.leaverId, toMemberId: move.to }).run();
      tx.update(clients).set({ ownerId: move.to, previousOwnerId: input.leaverId }).where(eq(clients.id, move.clientId)).run();
      // Open commitments follow their client, as the distribution's apply does.
      tx.update(commitments).set({ ownerId: move.to }).where(and(eq(commitments.clientId, move.clientId), eq(commitments.status, "open"))).run();
    }
    const scheduled = scheduleReactivationCalls(tx, { distributionId, handoverId, teamId: input.teamId, now: input.now });
    return { handoverId, distributionId, scheduled };
  });
}

/** A pool distribution (no handover). */
export function seedAppliedPoolDistribution(db: Db, input: { teamId: number; leadId: number; moves: { clientId: number; to: number; from?: number | null }[]; now: Date }) {
  return db.transaction((tx) => {
    const distributionId = tx
      .insert(distributions)
      .values({ teamId: input.teamId, handoverId: null, createdById: input.leadId, status: "applied", createdAt: input.now.getTime(), appliedAt: input.now.getTime() })
      .returning({ id: distributions.id })
      .get().id;
    for (const move of input.moves) {
      tx.insert(distributionItems).values({ distributionId, clientId: move.clientId, fromMemberId: move.from ?? null, toMemberId: move.to }).run();
      tx.update(clients).set({ ownerId: move.to, previousOwnerId: move.from ?? null }).where(eq(clients.id, move.clientId)).run();
    }
    const scheduled = scheduleReactivationCalls(tx, { distributionId, handoverId: null, teamId: input.teamId, now: input.now });
    return { distributionId, scheduled };
  });
}
