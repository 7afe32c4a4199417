// Members known by name only come from imports: an owner in the file who never opened the bot. When that
// person finally joins, their Telegram account should take over the name and its clients.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { clients, handovers, members } from "../db/schema.js";
import { nameSkeleton } from "../clients/import/name-skeleton.js";
import { nameTokensKey, normalisePersonName } from "../clients/owner-match.js";

/** A member row (teams.ts calls this module inside joinTeam, so the type is taken from the schema, not from there). */
type Member = typeof members.$inferSelect;

/** Name-only members of a team who are still around (not left). */
export function nameOnlyMembers(db: DbOrTx, teamId: number): Member[] {
  return db
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), isNull(members.telegramId), ne(members.status, "left")))
    .orderBy(sql`${members.name} COLLATE NOCASE`)
    .all();
}

/**
 * Called inside joinTeam's transaction right after a newcomer's row is inserted. If exactly one
 * name-only member of the team has the newcomer's name (case-, ё/е-, alphabet- and word-order-insensitive) or
 * @username, the newcomer takes over that row — with its clients and history — and the fresh row
 * goes. Two namesakes are left for a lead to link by hand: guessing would hand clients to the wrong one.
 */
export function adoptNameOnlyMember(tx: DbOrTx, joined: Member): Member {
  const name = normalisePersonName(joined.name);
  const tokens = nameTokensKey(joined.name);
  const username = joined.username?.toLowerCase() ?? null;
  const skeleton = nameSkeleton(joined.name);
  const candidates = nameOnlyMembers(tx, joined.teamId).filter(
    (m) =>
      m.id !== joined.id &&
      (normalisePersonName(m.name) === name ||
        nameTokensKey(m.name) === tokens ||
        (skeleton !== "" && nameSkeleton(m.name) === skeleton) ||
        (username !== null && m.username !== null && m.username.toLowerCase() === username)),
  );
  if (candidates.length !== 1) return joined;
  const heir = candidates[0]!;
  tx.delete(members).where(eq(members.id, joined.id)).run();
  return tx
    .update(members)
    .set({ telegramId: joined.telegramId, username: joined.username, role: joined.role, reachability: "ok" })
    .where(eq(members.id, heir.id))
    .returning()
    .get();
}

export type LinkNameResult = { ok: true; moved: number } | { ok: false; reason: "not_found" | "bad_target" | "in_handover" };

/**
 * A lead says "this name in the file is that person": the name-only member's clients (and their open
 * commitments) move to the real member, and the name leaves the roster.
 */
export function linkNameOnlyMember(db: Db, input: { teamId: number; nameOnlyId: number; targetId: number; actorId: number; now: Date }): LinkNameResult {
  return db.transaction((tx): LinkNameResult => {
    const source = tx.select().from(members).where(eq(members.id, input.nameOnlyId)).get();
    if (!source || source.teamId !== input.teamId || source.telegramId !== null || source.status === "left") return { ok: false, reason: "not_found" };
    const target = tx.select().from(members).where(eq(members.id, input.targetId)).get();
    if (!target || target.teamId !== input.teamId || target.telegramId === null || target.status !== "active") return { ok: false, reason: "bad_target" };
    // A name being offboarded stays as it is: its handover refers to it.
    const handover = tx.select({ id: handovers.id }).from(handovers).where(and(eq(handovers.leaverId, source.id), eq(handovers.status, "active"))).get();
    if (handover) return { ok: false, reason: "in_handover" };
    const now = input.now.getTime();
    const moved = tx
      .update(clients)
      .set({ ownerId: target.id, updatedAt: now })
      .where(and(eq(clients.teamId, input.teamId), eq(clients.ownerId, source.id)))
      .returning({ id: clients.id })
      .all();
    tx.run(sql`UPDATE clients SET previous_owner_id = ${target.id} WHERE previous_owner_id = ${source.id}`);
    tx.run(sql`UPDATE commitments SET owner_id = ${target.id} WHERE owner_id = ${source.id} AND status = 'open'`);
    for (const c of moved) {
      tx.run(
        sql`INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
            VALUES (${input.teamId}, ${c.id}, ${input.actorId}, 'owner_linked', ${JSON.stringify({ fromOwnerId: source.id, toOwnerId: target.id })}, ${now})`,
      );
    }
    tx.update(members).set({ status: "left" }).where(eq(members.id, source.id)).run();
    return { ok: true, moved: moved.length };
  });
}
