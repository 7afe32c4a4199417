// The daily list as a message: counts on top, then overdue calls, calls for today, next contacts and
// deadlines, numbered; a page of entries at a time with a button per entry that opens its card.
// Used by /today and by the morning digest, so both always say the same thing.
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { DailyList, DailyListPage } from "./daily-list.js";
import { formatDay } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";
import { escapeHtml } from "../platform/html.js";
import type { Locale, Translate } from "../platform/locale.js";
import { callData, todayData } from "./keyboards.js";

export const ENTRIES_PER_PAGE = 10;

type Section = "overdue" | "calls" | "contacts" | "deadlines";
interface Entry {
  section: Section;
  line: (n: number) => string;
  data: string;
}

export interface RenderedList {
  text: string;
  keyboard: InlineKeyboard | undefined;
  page: number;
  pages: number;
}

/**
 * A whole list (the digest) is cut into pages here; a `DailyListPage` (/today) holds one page already,
 * read by SQL, and is drawn as that page of the whole.
 */
export function renderDailyList(t: Translate, locale: Locale, list: DailyList | DailyListPage, options: { page: number; title: "today" | "digest" }): RenderedList {
  const today = list.date;
  const day = (d: string) => formatDay(d, locale, today);
  const name = (clientName: string) => `<b>${escapeHtml(clip(clientName, 80))}</b>`;
  const entries: Entry[] = [];
  for (const section of ["overdue", "calls"] as const) {
    for (const c of list[section]) {
      entries.push({
        section,
        data: callData.open({ callId: c.callId }),
        line: (n) =>
          t("today-entry-call", {
            n,
            clientHtml: name(c.clientName),
            kind: c.kind,
            time: c.dueTime ?? "none",
            overdue: section === "overdue" ? "yes" : "no",
            date: day(c.dueOn),
            attempts: c.attempts,
          }),
      });
    }
  }
  for (const c of list.contacts) {
    entries.push({
      section: "contacts",
      data: callData.log(c.clientId),
      line: (n) => t("today-entry-contact", { n, clientHtml: name(c.clientName), overdue: c.nextContactOn < today ? "yes" : "no", date: day(c.nextContactOn) }),
    });
  }
  for (const d of list.deadlines) {
    entries.push({
      section: "deadlines",
      data: callData.log(d.clientId),
      line: (n) => t("today-entry-deadline", { n, clientHtml: name(d.clientName), text: clip(d.text, 100), overdue: d.dueOn < today ? "yes" : "no", date: day(d.dueOn) }),
    });
  }

  const paged = "offset" in list;
  const pages = paged ? list.pages : Math.max(1, Math.ceil(entries.length / ENTRIES_PER_PAGE));
  const page = paged ? list.page : Math.min(Math.max(0, options.page), pages - 1);
  const from = paged ? list.offset : page * ENTRIES_PER_PAGE;
  const shown = paged ? entries : entries.slice(from, from + ENTRIES_PER_PAGE);

  const parts = [t(options.title === "digest" ? "digest-title" : "today-title", { date: day(today) })];
  if (list.counts.total === 0) {
    parts.push(t("today-empty"));
    return { text: parts.join("\n\n"), keyboard: undefined, page: 0, pages: 1 };
  }
  parts.push(t("today-counts", { ...list.counts }));
  let current: Section | null = null;
  let block: string[] = [];
  const flush = () => {
    if (block.length > 0) parts.push(block.join("\n"));
    block = [];
  };
  shown.forEach((entry, i) => {
    if (entry.section !== current) {
      flush();
      current = entry.section;
      block.push(t(`today-section-${entry.section}`, { count: list.counts[entry.section] }));
    }
    block.push(entry.line(from + i + 1));
  });
  flush();
  if (pages > 1) parts.push(t("today-page", { page: page + 1, pages }));
  parts.push(t("today-hint"));

  // Five numbers a row, then the page buttons on their own row.
  const rows: InlineKeyboardButton[][] = [];
  shown.forEach((entry, i) => {
    if (i % 5 === 0) rows.push([]);
    rows.at(-1)!.push(InlineKeyboard.text(String(from + i + 1), entry.data));
  });
  const nav: InlineKeyboardButton[] = [];
  if (page > 0) nav.push(InlineKeyboard.text(t("today-btn-prev"), todayData.page(page - 1)));
  if (page < pages - 1) nav.push(InlineKeyboard.text(t("today-btn-next"), todayData.page(page + 1)));
  if (nav.length > 0) rows.push(nav);
  return { text: parts.join("\n\n"), keyboard: new InlineKeyboard(rows), page, pages };
}
