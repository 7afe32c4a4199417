// What new owners are told when a distribution is applied or undone: written into the outbox inside the
// deciding transaction (see distribution/undo.ts; the follow-up for apply), in each owner's own language.
import type { Db, } from "../db/client.js";
import type { AppliedNotice, DistributionNotifier, NoticeClient, UndoneNotice } from "./types.js";
import { toCsvForExcel } from "../clients/import/csv-export.js";
import { enqueue } from "../outbox/outbox.js";
import { formatDay } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";
import { escapeHtml } from "../platform/html.js";
import { translator, type Locale, type Translate, type Translations } from "../platform/locale.js";
import { localeOfUser } from "../team/member-locale.js";

/** Up to this many clients are listed in the message itself; a longer list also comes as a CSV file. */
export const LISTED_IN_MESSAGE = 15;

export function distributionNotifier(db: Db, i18n: Translations): DistributionNotifier {
  const localeCache = new Map<number, Locale>();
  const localeOf = (telegramId: number) => {
    let locale = localeCache.get(telegramId);
    if (!locale) localeCache.set(telegramId, (locale = localeOfUser(db, telegramId)));
    return locale;
  };
  return {
    applied(tx, notice, now) {
      const chatId = notice.owner.telegramId;
      // Someone known by name only, or who blocked the bot, cannot get it: the lead is told instead.
      if (chatId === null || notice.owner.reachability === "blocked") return;
      const locale = localeOf(chatId);
      const t = translator(i18n, locale);
      const base = { chatId, teamId: notice.teamId, memberId: notice.owner.memberId, kind: "clients_received" };
      enqueue(tx, { ...base, dedupeKey: `dist:${notice.distributionId}:received:${notice.owner.memberId}`, text: receivedText(t, locale, notice, now) }, now);
      if (notice.clients.length > LISTED_IN_MESSAGE) {
        enqueue(
          tx,
          {
            ...base,
            dedupeKey: `dist:${notice.distributionId}:csv:${notice.owner.memberId}`,
            text: t("dist-dm-csv-caption", { count: notice.clients.length }),
            document: { fileName: t("dist-csv-file-name", { id: notice.distributionId }) + ".csv", content: clientsCsv(t, locale, notice) },
          },
          now,
        );
      }
    },
    undone(tx, notice, now) {
      const chatId = notice.owner.telegramId;
      if (chatId === null || notice.owner.reachability === "blocked") return;
      const t = translator(i18n, localeOf(chatId));
      enqueue(
        tx,
        {
          chatId,
          teamId: notice.teamId,
          memberId: notice.owner.memberId,
          kind: "clients_taken_back",
          dedupeKey: `dist:${notice.distributionId}:undone:${notice.owner.memberId}`,
          text: undoneText(t, notice),
        },
        now,
      );
    },
  };
}

function receivedText(t: Translate, locale: Locale, notice: AppliedNotice, now: Date): string {
  // Dates read as everywhere else in messages ("11 Dec" / «11.12»); the CSV, a file kept past the year, always has the year.
  const day = (date: string) => formatDay(date, locale, now.toISOString().slice(0, 10));
  const count = notice.clients.length;
  const head =
    notice.fromName === null ? t("dist-dm-received-pool", { count }) : t("dist-dm-received", { count, fromName: notice.fromName });
  const listed = notice.clients.slice(0, LISTED_IN_MESSAGE);
  const urgent = listed.filter((c) => c.commitments.length > 0);
  const rest = listed.filter((c) => c.commitments.length === 0);
  const parts = [head];
  if (urgent.length > 0) parts.push(t("dist-dm-urgent-title") + "\n" + urgent.map((c) => clientLine(t, day, c)).join("\n"));
  if (rest.length > 0) parts.push((urgent.length > 0 ? t("dist-dm-rest-title") + "\n" : "") + rest.map((c) => clientLine(t, day, c)).join("\n"));
  if (count > LISTED_IN_MESSAGE) parts.push(t("dist-dm-more", { count: count - LISTED_IN_MESSAGE }));
  parts.push(t("dist-dm-footer"));
  return parts.join("\n\n");
}

const COMMITMENTS_PER_CLIENT = 3;
const TEMPERATURE_MARK = { hot: "🔥", warm: "🌤", cold: "❄️" } as const;

function clientLine(t: Translate, day: (date: string) => string, c: NoticeClient): string {
  let line = `${TEMPERATURE_MARK[c.temperature]} <b>${escapeHtml(clip(c.name, 60))}</b>`;
  if (c.company) line += ` (${escapeHtml(clip(c.company, 40))})`;
  if (c.phones[0]) line += ` ${escapeHtml(c.phones[0])}`;
  if (c.commitments.length > 0) {
    // Each commitment with its kind and due date, the earliest first (a few; the rest are counted).
    const shown = c.commitments.slice(0, COMMITMENTS_PER_CLIENT).map((k) => {
      const due = k.dueOn ? t("dist-dm-due", { date: day(k.dueOn) }) + " " : "";
      return `${t("dist-dm-kind", { kind: k.kind })} ${due}${escapeHtml(clip(k.text, 80))}`;
    });
    line += ` — ${shown.join("; ")}`;
    if (c.commitments.length > COMMITMENTS_PER_CLIENT) line += " " + t("dist-dm-more-commitments", { count: c.commitments.length - COMMITMENTS_PER_CLIENT });
  } else if (c.nextContactOn) {
    line += " — " + t("dist-dm-next-contact", { date: day(c.nextContactOn) });
  }
  return line;
}

function clientsCsv(t: Translate, locale: Locale, notice: AppliedNotice): Buffer {
  const headers = (["name", "company", "phones", "email", "temperature", "next", "commitments", "previous"] as const).map((h) => t(`dist-csv-${h}`));
  // Translated once, not per row: a long list is thousands of rows.
  const temperature = { hot: t("dist-temperature-hot"), warm: t("dist-temperature-warm"), cold: t("dist-temperature-cold") };
  const kind: Record<string, string> = { promise: t("dist-csv-kind", { kind: "promise" }), document: t("dist-csv-kind", { kind: "document" }), deadline: t("dist-csv-kind", { kind: "deadline" }) };
  const rows = notice.clients.map((c) => [
    c.name,
    c.company,
    c.phones.join(", "),
    c.email,
    temperature[c.temperature],
    c.nextContactOn ? formatDay(c.nextContactOn, locale) : null,
    c.commitments.map((k) => `${kind[k.kind] ?? k.kind}: ${k.dueOn ? `${k.text} (${formatDay(k.dueOn, locale)})` : k.text}`).join("; ") || null,
    notice.fromName,
  ]);
  // CSV is plain text: the translator escaped HTML in the headers, which a spreadsheet must not show.
  return toCsvForExcel(headers.map(unescapeHtml), rows);
}

function undoneText(t: Translate, notice: UndoneNotice): string {
  const count = notice.owner.count;
  return notice.fromName === null ? t("dist-dm-undone-pool", { count }) : t("dist-dm-undone", { count, fromName: notice.fromName });
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
