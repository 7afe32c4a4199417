// What the handover capability puts in the outbox from its rules: the summary a lead gets when a handover
// closes, enqueued inside the closing transaction (checklist.ts), and the word to a leaver whose handover
// was cancelled and to the colleagues whose calls it called off (handovers.ts), each in the recipient's
// language.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { clients, members, teams } from "../db/schema.js";
import { enqueue } from "../outbox/outbox.js";
import { textsFor } from "../bot/i18n.js";
import { localeOfUser } from "../team/member-locale.js";
import { handoverSummary } from "./summary.js";
import { handoverSummaryMessage } from "./views.js";

/** Builds and enqueues the closing summary, in the closing transaction. */
export function enqueueHandoverSummary(tx: DbOrTx, handoverId: number, now: Date): void {
  const summary = handoverSummary(tx, handoverId, now);
  if (!summary) return;
  const locale = localeOfUser(tx, summary.recipientTelegramId);
  const { text, replyMarkup } = handoverSummaryMessage(textsFor(locale), locale, summary);
  enqueue(
    tx,
    {
      chatId: summary.chatId,
      teamId: summary.teamId,
      memberId: summary.memberId,
      kind: "handover_closed",
      dedupeKey: `handover-closed:${summary.handoverId}`,
      text,
      replyMarkup,
    },
    now,
  );
}

/**
 * Tells the leaver their handover was cancelled (they stay), how many of their clients stay with the
 * colleagues a distribution gave them to, and how many came back to them from the pool. Nothing for a
 * member known by name only.
 */
export function enqueueHandoverCancelled(tx: DbOrTx, handover: { id: number; teamId: number; leaverId: number }, returned: number, now: Date): void {
  const leaver = tx
    .select({ telegramId: members.telegramId, team: teams.name })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .where(eq(members.id, handover.leaverId))
    .get();
  if (!leaver || leaver.telegramId === null) return;
  const moved =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(clients)
      .where(and(eq(clients.originHandoverId, handover.id), eq(clients.status, "active"), ne(clients.ownerId, handover.leaverId)))
      .get()?.n ?? 0;
  const t = textsFor(localeOfUser(tx, leaver.telegramId));
  enqueue(
    tx,
    {
      chatId: leaver.telegramId,
      teamId: handover.teamId,
      memberId: handover.leaverId,
      kind: "handover_cancelled",
      dedupeKey: `handover-cancelled:${handover.id}`,
      text: t("offboard-cancelled-you", { team: leaver.team, moved, returned }),
    },
    now,
  );
}

const OWNERS_PER_QUERY = 500;

/**
 * Tells each colleague whose reactivation calls a cancelled handover called off why they left their list:
 * the leaver stays, the clients stay theirs. Not the lead who cancelled it, nor the leaver.
 */
export function enqueueCallsCalledOff(
  tx: DbOrTx,
  handover: { id: number; teamId: number; leaverId: number },
  calledOff: readonly { assigneeId: number; clientId: number }[],
  input: { actorId: number; now: Date },
): void {
  // Only clients that stay theirs: one waiting in the pool went back to the leaver with the cancel.
  const ownerOf = new Map<number, number | null>();
  const ids = [...new Set(calledOff.map((c) => c.clientId))];
  for (let i = 0; i < ids.length; i += OWNERS_PER_QUERY) {
    for (const c of tx.select({ id: clients.id, ownerId: clients.ownerId }).from(clients).where(inArray(clients.id, ids.slice(i, i + OWNERS_PER_QUERY))).all()) ownerOf.set(c.id, c.ownerId);
  }
  const counts = new Map<number, number>();
  for (const { assigneeId, clientId } of calledOff) if (ownerOf.get(clientId) === assigneeId) counts.set(assigneeId, (counts.get(assigneeId) ?? 0) + 1);
  counts.delete(handover.leaverId);
  counts.delete(input.actorId);
  if (counts.size === 0) return;
  const leaver = tx.select({ name: members.name }).from(members).where(eq(members.id, handover.leaverId)).get();
  for (const [memberId, count] of counts) {
    const to = tx.select({ telegramId: members.telegramId, status: members.status }).from(members).where(eq(members.id, memberId)).get();
    if (!to || to.telegramId === null || to.status === "left") continue;
    const t = textsFor(localeOfUser(tx, to.telegramId));
    enqueue(
      tx,
      {
        chatId: to.telegramId,
        teamId: handover.teamId,
        memberId,
        kind: "handover_calls_called_off",
        dedupeKey: `handover-cancelled-calls:${handover.id}:${memberId}`,
        text: t("offboard-cancelled-calls", { leaver: leaver?.name ?? "—", count }),
      },
      input.now,
    );
  }
}
