// What the nags put in the outbox (and the jobs of other capabilities that write the same way): in each
// recipient's language, one message per recipient per run (dedupe key = job + recipient + slot), and texts
// that always fit a Telegram message. Who can be written to: recipients.ts.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { DbOrTx } from "../db/client.js";
import type { Member, Team } from "../team/teams.js";
import { translator, type Locale, type Translate } from "../platform/locale.js";
import type { TeamPeople } from "./recipients.js";
import { localeOfUser } from "../team/member-locale.js";
import { enqueue } from "../outbox/outbox.js";
import { mayNotify } from "../handover/leaver-access.js";
import type { JobDeps, JobSlot } from "../jobs/types.js";

/** Telegram's limit is 4096; a little room for the ellipsis. */
const MAX_TEXT = 4000;

export interface Voice {
  /** For message text (HTML): variables escaped. */
  t: Translate;
  /** For button labels, which are plain text: variables as they are. */
  label: Translate;
  locale: Locale;
}

/** Speaks to a member in their own language. */
export function voiceOf(deps: Pick<JobDeps, "db" | "i18n">, member: Member & { telegramId: number }, people?: TeamPeople): Voice {
  const locale = people?.locales.get(member.id) ?? localeOfUser(deps.db, member.telegramId);
  return { t: translator(deps.i18n, locale), label: (key, vars) => deps.i18n.t(locale, key, vars), locale };
}

export function button(text: string, data: string): InlineKeyboardButton {
  return { text, callback_data: data };
}

/** Stores one nag for one recipient; false when this job already wrote to them in this slot. */
export function enqueueNag(
  db: DbOrTx,
  input: { job: string; kind: string; team: Team; member: Member & { telegramId: number }; slot: JobSlot; text: string; buttons?: InlineKeyboardButton[][] },
  now: Date,
): boolean {
  // A leaver gets no nags once the access rule closes their client data (handover/leaver-access.ts).
  if (!mayNotify(db, input.member.id, input.kind, now)) return false;
  const replyMarkup: InlineKeyboardMarkup | undefined = input.buttons && input.buttons.length > 0 ? { inline_keyboard: input.buttons } : undefined;
  return enqueue(
    db,
    {
      chatId: input.member.telegramId,
      teamId: input.team.id,
      memberId: input.member.id,
      kind: input.kind,
      dedupeKey: `nag:${input.job}:${input.member.id}:${input.slot.key}`,
      text: fitText(input.text),
      ...(replyMarkup ? { replyMarkup } : {}),
    },
    now,
  );
}

/** Cuts a text at a line break so that it fits one message (tags never span lines in our texts). */
export function fitText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf("\n", max - 2);
  return `${text.slice(0, cut > 0 ? cut : max - 2)}\n…`;
}

/** Lines joined into a message; false/null entries (conditions not met) dropped, "" kept as a blank line. */
export function lines(...parts: (string | false | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === "string")
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
