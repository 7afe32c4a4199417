// What the summary a lead gets when a handover closes counts: where the leaver's clients went, the
// commitments recorded, the calls made, the steps skipped. Read inside the closing transaction (see
// checklist.ts); notices.ts puts it into words (views.ts) and into the outbox.
import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { calls, checklistSteps, clients, commitments, handovers, members, teams, type StepKind } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";

export interface HandoverSummary {
  handoverId: number;
  teamId: number;
  /** Who gets it: the lead who started the handover, another lead, or the checklist's private chat. */
  chatId: number;
  memberId: number | null;
  /** The recipient's Telegram id when a lead (their language); null for a private checklist chat. */
  recipientTelegramId: number | null;
  leaverName: string;
  /** Team-local days: the handover's start, today, and the leaver's last day. */
  startedOn: string;
  today: string;
  lastDay: string;
  /** New owners of the leaver's clients, most clients first. */
  owners: { name: string; n: number }[];
  transferred: number;
  commitments: number;
  calls: { total: number; reached: number; lost: number };
  skipped: { kind: StepKind; title: string | null; skipReason: string | null }[];
}

/** Who hears about a handover: the lead who started it, else any other current lead with Telegram. */
export function handoverLeadRecipient(db: DbOrTx, handover: { teamId: number; startedById: number; leaverId: number }): { memberId: number; telegramId: number } | null {
  const starter = db.select().from(members).where(eq(members.id, handover.startedById)).get();
  if (starter && starter.telegramId !== null && starter.status !== "left" && starter.role === "lead" && starter.id !== handover.leaverId) {
    return { memberId: starter.id, telegramId: starter.telegramId };
  }
  const other = db
    .select()
    .from(members)
    .where(and(eq(members.teamId, handover.teamId), eq(members.role, "lead"), eq(members.status, "active"), isNotNull(members.telegramId), ne(members.id, handover.leaverId)))
    .orderBy(asc(members.id))
    .get();
  return other && other.telegramId !== null ? { memberId: other.id, telegramId: other.telegramId } : null;
}

/** The closing summary's figures, or null when there is nobody to send it to. */
export function handoverSummary(tx: DbOrTx, handoverId: number, now: Date): HandoverSummary | null {
  const handover = tx.select().from(handovers).where(eq(handovers.id, handoverId)).get();
  if (!handover) return null;
  const team = tx.select().from(teams).where(eq(teams.id, handover.teamId)).get();
  const leaver = tx.select().from(members).where(eq(members.id, handover.leaverId)).get();
  if (!team || !leaver) return null;
  const recipient = handoverLeadRecipient(tx, handover);
  // The summary holds the terms and the base's composition: a lead's private chat only, never a group
  // (groups have negative chat ids).
  const privateChecklistChat = handover.checklistChatId !== null && handover.checklistChatId > 0 ? handover.checklistChatId : null;
  const chatId = recipient?.telegramId ?? privateChecklistChat;
  if (chatId === null || chatId === undefined) return null;

  const owners = tx
    .select({ name: members.name, n: sql<number>`count(*)` })
    .from(clients)
    .innerJoin(members, eq(members.id, clients.ownerId))
    .where(and(eq(clients.teamId, team.id), eq(clients.previousOwnerId, leaver.id)))
    .groupBy(clients.ownerId)
    .orderBy(sql`count(*) desc`, asc(members.name))
    .all();
  const recorded = tx.select({ n: sql<number>`count(*)` }).from(commitments).where(eq(commitments.handoverId, handover.id)).get()?.n ?? 0;
  const callRows = tx
    .select({ status: calls.status, n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.handoverId, handover.id), ne(calls.status, "cancelled")))
    .groupBy(calls.status)
    .all();
  const callCount = (status: string) => callRows.find((r) => r.status === status)?.n ?? 0;
  const skipped = tx
    .select({ kind: checklistSteps.kind, title: checklistSteps.title, skipReason: checklistSteps.skipReason })
    .from(checklistSteps)
    .where(and(eq(checklistSteps.handoverId, handover.id), eq(checklistSteps.status, "skipped")))
    .orderBy(asc(checklistSteps.position))
    .all();

  return {
    handoverId: handover.id,
    teamId: team.id,
    chatId,
    memberId: recipient?.memberId ?? null,
    recipientTelegramId: recipient?.telegramId ?? null,
    leaverName: leaver.name,
    startedOn: localDate(new Date(handover.createdAt), team.timezone),
    today: localDate(now, team.timezone),
    lastDay: handover.lastDay,
    owners,
    transferred: owners.reduce((sum, o) => sum + o.n, 0),
    commitments: recorded,
    calls: { total: callRows.reduce((sum, r) => sum + r.n, 0), reached: callCount("reached"), lost: callCount("lost") },
    skipped,
  };
}
