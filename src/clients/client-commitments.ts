// A commitment added by hand from a client's card: only by someone who may see the client.
import type { Db } from "../db/client.js";
import { clients, type CommitmentKind } from "../db/schema.js";
import { eq } from "drizzle-orm";
import { canSee, recordClientEvent, type Viewer } from "./clients.js";
import { addCommitment, type Commitment } from "./commitments.js";

export const MAX_COMMITMENT_TEXT = 500;

export function addClientCommitment(
  db: Db,
  input: { viewer: Viewer; clientId: number; kind: CommitmentKind; text: string; dueOn: string | null; now: Date },
): Commitment | null {
  return db.transaction((tx) => {
    const client = tx.select().from(clients).where(eq(clients.id, input.clientId)).get();
    if (!client || !canSee(input.viewer, client)) return null;
    const commitment = addCommitment(tx, {
      teamId: client.teamId,
      clientId: client.id,
      ownerId: client.ownerId,
      kind: input.kind,
      text: input.text.slice(0, MAX_COMMITMENT_TEXT),
      dueOn: input.dueOn,
      now: input.now,
    });
    recordClientEvent(tx, {
      teamId: client.teamId,
      clientId: client.id,
      actorId: input.viewer.memberId,
      kind: "commitment_added",
      details: { commitmentId: commitment.id, kind: input.kind, dueOn: input.dueOn },
      now: input.now,
    });
    return commitment;
  });
}
