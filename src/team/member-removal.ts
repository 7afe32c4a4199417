// A lead removes a member: their rights end at once (membership lookups skip "left" members). Someone
// who still owns clients or is being offboarded is handed over first, so no client is left ownerless.
import { and, count, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clients, handovers, members } from "../db/schema.js";
import type { Member } from "./teams.js";

export type RemoveResult =
  | { ok: true; member: Member }
  | { ok: false; reason: "gone" | "self" | "has_clients" | "in_handover"; clients?: number; name?: string };

export function memberOfTeam(db: Db, teamId: number, memberId: number): Member | null {
  return db.select().from(members).where(and(eq(members.id, memberId), eq(members.teamId, teamId), ne(members.status, "left"))).get() ?? null;
}

export function removeMember(db: Db, input: { teamId: number; memberId: number; actorId: number }): RemoveResult {
  return db.transaction((tx) => {
    const member = tx.select().from(members).where(and(eq(members.id, input.memberId), eq(members.teamId, input.teamId), ne(members.status, "left"))).get();
    if (!member) return { ok: false, reason: "gone" };
    if (member.id === input.actorId) return { ok: false, reason: "self", name: member.name };
    const active = tx.select({ id: handovers.id }).from(handovers).where(and(eq(handovers.leaverId, member.id), eq(handovers.status, "active"))).get();
    if (active) return { ok: false, reason: "in_handover", name: member.name };
    const owned = tx.select({ n: count() }).from(clients).where(and(eq(clients.ownerId, member.id), eq(clients.status, "active"))).get()?.n ?? 0;
    if (owned > 0) return { ok: false, reason: "has_clients", clients: owned, name: member.name };
    const removed = tx.update(members).set({ status: "left" }).where(eq(members.id, member.id)).returning().get();
    return { ok: true, member: removed };
  });
}
