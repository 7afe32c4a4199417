// What follows an outcome, shared by the calls feature and the call-outcome conversation: the card is
// edited in place, a lead alert is enqueued with the outcome, the handover checklist is refreshed.
import { GrammyError } from "grammy";
import type { AttemptsAlert, CallRef, RecordResult, SecondVoiceLost } from "./calls.js";
import { noticeOwnerOfLoss } from "../stars/notices.js";
import type { DbOrTx } from "../db/client.js";
import { enqueue } from "../outbox/outbox.js";
import { loadCallCard } from "./card-data.js";
import { renderCallCard } from "./card-view.js";
import type { BotContext } from "../bot/context.js";
import { translator } from "../platform/locale.js";
import { callData } from "./keyboards.js";
import { localeOfUser } from "../team/member-locale.js";

export interface CardMessage {
  chatId: number;
  messageId: number;
}

type Ctx = Pick<BotContext, "deps" | "actor" | "t" | "api" | "i18nInstance" | "hooks" | "log">;

/**
 * Hooks for recordOutcome: the "cannot reach the client" alert to the leads, in each lead's language, and
 * the owner's alert when a second-voice caller lost their client.
 */
export function outcomeHooks(ctx: Ctx) {
  return {
    onSecondVoiceLost: (tx: DbOrTx, lost: SecondVoiceLost) =>
      noticeOwnerOfLoss({ db: ctx.deps.db, i18n: ctx.i18nInstance }, tx, lost, ctx.deps.clock.now()),
    onAttemptsExhausted: (tx: DbOrTx, alert: AttemptsAlert) => {
      const now = ctx.deps.clock.now();
      for (const lead of alert.leads) {
        const t = translator(ctx.i18nInstance, localeOfUser(ctx.deps.db, lead.telegramId));
        enqueue(
          tx,
          {
            chatId: lead.telegramId,
            teamId: alert.teamId,
            memberId: lead.memberId,
            kind: "call_attempts",
            dedupeKey: `call-attempts:${alert.callId}:${lead.memberId}`,
            text: t("call-lead-alert", { manager: alert.assigneeName, client: alert.clientName, attempts: alert.attempts }),
            replyMarkup: { inline_keyboard: [[{ text: t("call-lead-alert-button"), callback_data: callData.open({ callId: alert.callId }) }]] },
          },
          now,
        );
      }
    },
  };
}

/** The toast (or reply) for a tap that recorded nothing or shows no card. */
export function refusalKey(reason: Exclude<RecordResult, { ok: true }>["reason"]): string {
  if (reason === "hidden") return "call-toast-hidden";
  if (reason === "forbidden") return "call-toast-forbidden";
  if (reason === "stale") return "call-toast-stale";
  return reason === "resolved" ? "call-toast-resolved" : "call-toast-not-found";
}

/** Re-renders a card in place (the outcome shown, buttons gone when resolved). */
export async function editCard(ctx: Ctx, card: CardMessage, ref: CallRef, mode: "main" | "reached" | "lost" = "main"): Promise<void> {
  const member = ctx.actor.member;
  if (!member) return;
  const loaded = loadCallCard(ctx.deps.db, { ref, viewerId: member.id, now: ctx.deps.clock.now(), t: ctx.t, locale: ctx.actor.locale });
  if (typeof loaded === "string") return;
  const rendered = renderCallCard(ctx.t, ctx.actor.locale, loaded, mode);
  try {
    await ctx.api.editMessageText(card.chatId, card.messageId, rendered.text, rendered.keyboard ? { reply_markup: rendered.keyboard } : {});
  } catch (err) {
    if (err instanceof GrammyError && /not modified/i.test(err.description)) return;
    // An old card may be gone or too old to edit; the outcome is saved either way.
    ctx.log.warn({ err, messageId: card.messageId }, "could not edit the call card");
  }
}

/** After an outcome: the card shows it; a finished reactivation step refreshes the handover's checklist. */
export async function afterOutcome(ctx: Ctx, result: RecordResult, card: CardMessage | null): Promise<void> {
  if (card && (result.ok || result.reason === "resolved" || result.reason === "stale")) await editCard(ctx, card, { callId: result.callId });
  if (result.ok && result.reactivationDoneFor !== null) await refreshChecklist(ctx, result.reactivationDoneFor);
}

/** The handover's checklist message shows the reactivation step done (after our transaction committed). */
async function refreshChecklist(ctx: Ctx, handoverId: number): Promise<void> {
  try {
    await ctx.hooks.refreshChecklist(ctx.api, ctx.deps.db, handoverId, { now: ctx.deps.clock.now() });
  } catch (err) {
    ctx.log.warn({ err, handoverId }, "could not refresh the checklist message");
  }
}
