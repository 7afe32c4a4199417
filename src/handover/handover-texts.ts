// Words about handovers that leave outside an update: the summary a lead gets when a handover closes
// (decided inside the closing transaction, so it is enqueued there), and the day/time formats the
// checklist shares with it. No Telegram here: text in, outbox row out.
import type { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { createI18n, localeFromTelegram, translator, type Locale, type Translate } from "../bot/i18n.js";
import { calls, checklistSteps, clients, commitments, handovers, members, teams, type StepKind } from "../db/schema.js";
import { enqueue, type DbOrTx } from "../outbox/outbox.js";
import { localDate } from "../platform/calendar.js";
import { checklistStatements } from "./checklist-statements.js";
import { chk } from "./checklist-keyboards.js";

let shared: I18n<Context> | undefined;

/** Translations for messages decided outside an update (the same locale files the bot uses). */
export function textsFor(locale: Locale): Translate {
  shared ??= createI18n<Context>(() => "ru");
  return translator(shared, locale);
}

/** The language to write to a member in: their /language choice, else their Telegram client's. */
export function localeOfTelegramUser(db: DbOrTx, telegramId: number | null): Locale {
  if (telegramId === null) return "ru";
  const user = checklistStatements(db).userLocale.get({ telegramId });
  if (user?.locale === "ru" || user?.locale === "en") return user.locale;
  return localeFromTelegram(user?.languageCode ?? undefined);
}

/** 'YYYY-MM-DD' as people read it: «пт 27.11» / "Fri 27 Nov", with the year when it is not this year's. */
export function formatDay(day: string, locale: Locale, today?: string): string {
  const withYear = today === undefined || today.slice(0, 4) !== day.slice(0, 4);
  // Remembered: luxon's parse and locale format cost a checklist redraw a tenth of its time.
  const key = `${locale}${withYear ? "y" : ""}${day}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    const dt = DateTime.fromISO(day, { zone: "utc" }).setLocale(locale);
    if (!dt.isValid) return day;
    if (formattedDays.size >= 10_000) formattedDays.clear();
    text = locale === "ru" ? dt.toFormat(withYear ? "ccc dd.MM.yyyy" : "ccc dd.MM") : dt.toFormat(withYear ? "ccc d LLL yyyy" : "ccc d LLL");
    formattedDays.set(key, text);
  }
  return text;
}
const formattedDays = new Map<string, string>();

/** An instant on the team's wall clock: «27.11 14:05» / "27 Nov 14:05". */
export function formatInstant(ms: number, timezone: string, locale: Locale): string {
  const dt = DateTime.fromMillis(ms, { zone: timezone }).setLocale(locale);
  return dt.toFormat(locale === "ru" ? "dd.MM.yyyy HH:mm" : "d LLL yyyy HH:mm");
}

/** A step's wording: the team's own, or the built-in one for its kind. */
export function stepTitle(t: Translate, step: { kind: StepKind; title: string | null }): string {
  return step.title ?? t(`checklist-step-${step.kind}`);
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

/** Builds and enqueues the closing summary, in the closing transaction. */
export function enqueueHandoverSummary(tx: DbOrTx, handoverId: number, now: Date): void {
  const handover = tx.select().from(handovers).where(eq(handovers.id, handoverId)).get();
  if (!handover) return;
  const team = tx.select().from(teams).where(eq(teams.id, handover.teamId)).get();
  const leaver = tx.select().from(members).where(eq(members.id, handover.leaverId)).get();
  if (!team || !leaver) return;
  const recipient = handoverLeadRecipient(tx, handover);
  // The summary holds the terms and the base's composition: a lead's private chat only, never a group
  // (groups have negative chat ids).
  const privateChecklistChat = handover.checklistChatId !== null && handover.checklistChatId > 0 ? handover.checklistChatId : null;
  const chatId = recipient?.telegramId ?? privateChecklistChat;
  if (chatId === null || chatId === undefined) return;
  const locale = localeOfTelegramUser(tx, recipient?.telegramId ?? null);
  const t = textsFor(locale);
  const today = localDate(now, team.timezone);

  const owners = tx
    .select({ name: members.name, n: sql<number>`count(*)` })
    .from(clients)
    .innerJoin(members, eq(members.id, clients.ownerId))
    .where(and(eq(clients.teamId, team.id), eq(clients.previousOwnerId, leaver.id)))
    .groupBy(clients.ownerId)
    .orderBy(sql`count(*) desc`, asc(members.name))
    .all();
  const transferred = owners.reduce((sum, o) => sum + o.n, 0);
  const recorded = tx.select({ n: sql<number>`count(*)` }).from(commitments).where(eq(commitments.handoverId, handover.id)).get()?.n ?? 0;
  const callRows = tx
    .select({ status: calls.status, n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.handoverId, handover.id), ne(calls.status, "cancelled")))
    .groupBy(calls.status)
    .all();
  const callCount = (status: string) => callRows.find((r) => r.status === status)?.n ?? 0;
  const totalCalls = callRows.reduce((sum, r) => sum + r.n, 0);
  const skipped = tx
    .select()
    .from(checklistSteps)
    .where(and(eq(checklistSteps.handoverId, handover.id), eq(checklistSteps.status, "skipped")))
    .orderBy(asc(checklistSteps.position))
    .all();

  const lines = [
    t("handover-summary-title", { leaver: leaver.name }),
    t("handover-summary-period", {
      from: formatDay(localDate(new Date(handover.createdAt), team.timezone), locale, today),
      to: formatDay(today, locale, today),
      lastDay: formatDay(handover.lastDay, locale, today),
    }),
    "",
  ];
  if (transferred === 0) lines.push(t("handover-summary-none-transferred"));
  else {
    lines.push(t("handover-summary-transferred", { count: transferred }));
    for (const o of owners.slice(0, 30)) lines.push(t("handover-summary-owner-line", { name: o.name, count: o.n }));
    if (owners.length > 30) lines.push(t("handover-summary-more", { count: owners.length - 30 }));
  }
  lines.push(t("handover-summary-commitments", { count: recorded }));
  if (totalCalls > 0) {
    lines.push(
      t("handover-summary-calls", { done: callCount("reached") + callCount("lost"), total: totalCalls, reached: callCount("reached"), lost: callCount("lost") }),
    );
  }
  if (skipped.length > 0) {
    lines.push("", t("handover-summary-skipped"));
    for (const s of skipped) lines.push(t("handover-summary-skipped-line", { step: stepTitle(t, s), reason: (s.skipReason ?? "").slice(0, 200) }));
  }
  lines.push("", t("handover-summary-left", { leaver: leaver.name }));

  enqueue(
    tx,
    {
      chatId,
      teamId: team.id,
      memberId: recipient?.memberId ?? null,
      kind: "handover_closed",
      dedupeKey: `handover-closed:${handover.id}`,
      text: lines.join("\n"),
      replyMarkup: { inline_keyboard: [[{ text: t("handover-summary-open"), callback_data: chk.open(handover.id) }]] },
    },
    now,
  );
}
