import { and, asc, eq, inArray } from "drizzle-orm";
import { commitments, type CommitmentKind } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";

export type Commitment = typeof commitments.$inferSelect;

/** Records a promise, a document owed or a client deadline. */
export function addCommitment(
  tx: DbOrTx,
  input: { teamId: number; clientId: number; ownerId: number | null; kind: CommitmentKind; text: string; dueOn: string | null; handoverId?: number | null; now: Date },
): Commitment {
  return tx
    .insert(commitments)
    .values({
      teamId: input.teamId,
      clientId: input.clientId,
      ownerId: input.ownerId,
      kind: input.kind,
      text: input.text,
      dueOn: input.dueOn,
      handoverId: input.handoverId ?? null,
      createdAt: input.now.getTime(),
    })
    .returning()
    .get();
}

export function openCommitmentsOfClients(tx: DbOrTx, clientIds: number[]): Commitment[] {
  if (clientIds.length === 0) return [];
  return tx
    .select()
    .from(commitments)
    .where(and(inArray(commitments.clientId, clientIds), eq(commitments.status, "open")))
    .orderBy(asc(commitments.dueOn), asc(commitments.id))
    .all();
}

/** Every open commitment of a team (for the export), by client then due date. */
export function openCommitmentsOfTeam(tx: DbOrTx, teamId: number): Commitment[] {
  return tx
    .select()
    .from(commitments)
    .where(and(eq(commitments.teamId, teamId), eq(commitments.status, "open")))
    .orderBy(asc(commitments.clientId), asc(commitments.dueOn), asc(commitments.id))
    .all();
}
