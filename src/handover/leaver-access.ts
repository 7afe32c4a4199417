// The leaver's rights: one rule every feature and job consults before it shows client data to a member,
// lets them change it, gives them clients or writes to them.
//
// - Not leaving: full access (a manager to their own clients, a lead to the team's).
// - Leaving on bad terms: nothing from the moment the handover starts (lists, cards, /today, digests,
//   files, export); only the handover interview form the lead sends.
// - Leaving on good terms: read-only until the last day (to fill the interview form), no digests after it;
//   then nothing.
// - Left: nothing.
// Nobody who is not active receives clients, by any path.
import { and, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { handovers, notifications } from "../db/schema.js";
import { leaverAccessRow, type LeaverAccessRow } from "./leaver-queries.js";
import { localDate } from "../platform/calendar.js";

export type ClientAccess =
  | { level: "full" }
  | { level: "read"; lastDay: string }
  | { level: "none"; reason: "bad_terms" | "after_last_day" | "left"; lastDay: string | null };

/** Notification kinds a leaver without access still gets: the handover interview form. */
const LEAVER_KINDS: ReadonlySet<string> = new Set(["leaver_form"]);

/** What the member may do with client data now. */
export function clientAccess(db: DbOrTx, memberId: number, now: Date): ClientAccess {
  const row = leaverAccessRow(db).get(memberId);
  if (!row) return { level: "none", reason: "left", lastDay: null };
  return accessOf(row, now);
}

export function accessOf(row: LeaverAccessRow, now: Date): ClientAccess {
  if (row.status === "left") return { level: "none", reason: "left", lastDay: row.lastDay };
  if (row.terms === null || row.lastDay === null) return { level: "full" };
  if (row.terms === "bad") return { level: "none", reason: "bad_terms", lastDay: row.lastDay };
  if (localDate(now, row.timezone) > row.lastDay) return { level: "none", reason: "after_last_day", lastDay: row.lastDay };
  return { level: "read", lastDay: row.lastDay };
}

/**
 * Whether the member may change client data (record a call, add a commitment, import): the "write" of
 * clientAccess, which needs no date — nobody leaving writes, whatever the terms. Works inside a transaction.
 */
export function mayChangeClients(db: DbOrTx, member: { id: number; status: string }): boolean {
  if (member.status === "left") return false;
  return !db.select({ id: handovers.id }).from(handovers).where(and(eq(handovers.leaverId, member.id), eq(handovers.status, "active"))).get();
}

/**
 * The member as a role check should see them: a lead being offboarded (status departing, from the handover's
 * start) acts as a manager. loadActor applies it to every update (a bot rule); a rule that reads the member
 * from the database (a call card, an outcome) applies it too, so nothing gives them the team's clients back.
 */
export function actingMember<M extends { role: string; status: string }>(member: M): M {
  return member.role === "lead" && member.status === "departing" ? { ...member, role: "manager" } : member;
}

/** Whether the member may receive clients (import owner column, manual assignment, distribution, pool). */
export function mayReceiveClients(member: { status: string } | null | undefined): boolean {
  return member?.status === "active";
}

/**
 * Whether a message to this member may go out now: anything to a member with full access; to a leaver,
 * the interview form always, and the rest (digests, nags, cards) only while they may still read.
 */
export function mayNotify(db: DbOrTx, memberId: number | null, kind: string, now: Date): boolean {
  if (memberId === null || LEAVER_KINDS.has(kind)) return true;
  return clientAccess(db, memberId, now).level !== "none";
}

/** Why a message was not sent to a leaver, as stored in `notifications.last_error`. */
export const DROPPED_LEAVER = "dropped: recipient is leaving the team";

/**
 * Drops the member's pending messages they may no longer get (the handover started on bad terms, or the
 * last day passed): status 'dropped', visible in /status. Returns how many.
 */
export function dropLeaverNotifications(db: DbOrTx, memberId: number, now: Date): number {
  if (mayNotify(db, memberId, "", now)) return 0;
  return db
    .update(notifications)
    .set({ status: "dropped", lastError: DROPPED_LEAVER })
    .where(and(eq(notifications.memberId, memberId), eq(notifications.status, "pending"), notInArray(notifications.kind, [...LEAVER_KINDS])))
    .run().changes;
}
