// What the handover capability puts in the outbox from its rules: the summary a lead gets when a handover
// closes, enqueued inside the closing transaction (checklist.ts), in the lead's language.
import type { DbOrTx } from "../db/client.js";
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
