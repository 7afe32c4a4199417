// The checklist message: one message per handover, edited in place. Every feature that changes a step
// (this capability, and through the bot's hook `refreshChecklist` distribution and calls) redraws it after
// its transaction; it is rendered in the language of the lead who started the handover. What it shows is
// read by checklist-data.ts and drawn by checklist-view.ts; this file only talks to Telegram.
import { GrammyError, type Api } from "grammy";
import type { Db } from "../db/client.js";
import type { Logger } from "../platform/logger.js";
import { textsFor } from "../bot/i18n.js";
import { audienceOf } from "../bot/group-policy.js";
import { reevaluateFinalCheck } from "./checklist.js";
import { setChecklistMessage } from "./handovers.js";
import { loadChecklistView } from "./checklist-data.js";
import { renderChecklist, type ChecklistMode } from "./checklist-view.js";

function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && /message is not modified/i.test(err.description);
}

function isGone(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i.test(err.description);
}

/**
 * Edits the handover's one checklist message in place (re-evaluating the final check first, so a client
 * moved by any path can close the handover; `finalCheckEvaluated` when your transaction just did, as every
 * step change in checklist.ts does). Call it after your transaction; pass `now` from your clock
 * (and `log` to hear about failures). If the message is gone, a fresh one is posted in the same chat.
 * Never throws for Telegram's sake: the data is already saved, the message is only its picture.
 * Returns false when nothing could be shown.
 */
export async function refreshChecklistMessage(
  api: Api,
  db: Db,
  handoverId: number,
  options: { now: Date; mode?: ChecklistMode; log?: Pick<Logger, "warn">; finalCheckEvaluated?: boolean },
): Promise<boolean> {
  const now = options.now;
  // A step change (checklist.ts) re-evaluates the final check in its own transaction: its caller says so.
  if (!options.finalCheckEvaluated) db.transaction((tx) => reevaluateFinalCheck(tx, { handoverId, now }));
  const view = loadChecklistView(db, handoverId, now);
  if (!view || view.chatId === null || view.messageId === null) return false;
  const { text, keyboard } = renderChecklist(textsFor(view.locale), view, options.mode, audienceOf(view.chatId));
  let failure: unknown;
  try {
    await api.editMessageText(view.chatId, view.messageId, text, { reply_markup: keyboard });
    return true;
  } catch (err) {
    if (isNotModified(err)) return true;
    failure = err;
  }
  try {
    if (isGone(failure)) return (await postChecklistMessage(api, db, handoverId, view.chatId, { now })) !== null;
  } catch (postErr) {
    failure = postErr;
  }
  options.log?.warn({ err: failure, handoverId }, "checklist message not updated");
  return false;
}

/**
 * Posts the checklist as a new message in `chatId` and makes it the one to edit from now on; the previous
 * copy, if any, loses its buttons and points below.
 */
export async function postChecklistMessage(api: Api, db: Db, handoverId: number, chatId: number, options: { now: Date }): Promise<{ chatId: number; messageId: number } | null> {
  const now = options.now;
  db.transaction((tx) => reevaluateFinalCheck(tx, { handoverId, now }));
  const view = loadChecklistView(db, handoverId, now);
  if (!view) return null;
  const t = textsFor(view.locale);
  const { text, keyboard } = renderChecklist(t, view, undefined, audienceOf(chatId));
  const sent = await api.sendMessage(chatId, text, { reply_markup: keyboard });
  setChecklistMessage(db, handoverId, chatId, sent.message_id);
  if (view.chatId !== null && view.messageId !== null && !(view.chatId === chatId && view.messageId === sent.message_id)) {
    await api.editMessageText(view.chatId, view.messageId, t("checklist-moved", { leaver: view.leaverName })).catch(() => undefined);
  }
  return { chatId, messageId: sent.message_id };
}
