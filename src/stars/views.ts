// /stars as messages: pure renderers from a view model to text and keyboard (names escaped by the
// translator; button labels are plain text).
import { InlineKeyboard } from "grammy";
import type { StarsRole } from "../db/schema.js";
import { formatDay } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";
import { escapeHtml } from "../platform/html.js";
import type { Locale, Translate } from "../platform/locale.js";
import { starData } from "./keyboards.js";
import { starPercent, type SingleVoiceClient, type StarLine, type StarTotals } from "./star-index.js";

export const CLIENTS_SHOWN = 30;
export const BUTTONS_SHOWN = 40;

export interface OverviewModel {
  lines: (StarLine & { trend: number[] })[];
  totals: StarTotals;
  weeks: { week: string; planned: number; done: number; reached: number }[];
  paused: boolean;
  planDay: number;
  planHour: number;
  teamCap: number;
  windowMonths: number;
  today: string;
}

function lineText(t: Translate, l: StarLine & { trend: number[] }): string {
  const trend = l.trend.length > 1 ? t("stars-trend", { trend: l.trend.map((p) => `${p}%`).join("→") }) : "";
  return t("stars-line", { name: l.name, clients: l.clients, single: l.singleVoice, percent: starPercent(l), hot: l.hotSingleVoice, trendHtml: trend });
}

export function renderOverview(t: Translate, locale: Locale, m: OverviewModel): { text: string; keyboard: InlineKeyboard } {
  const parts = [t("stars-title"), t("stars-window", { months: m.windowMonths })];
  if (m.lines.length === 0) parts.push(t("stars-empty"));
  else {
    parts.push(m.lines.slice(0, BUTTONS_SHOWN).map((l) => lineText(t, l)).join("\n"));
    parts.push(t("stars-total", { clients: m.totals.clients, single: m.totals.singleVoice, percent: starPercent(m.totals), hot: m.totals.hotSingleVoice }));
  }
  parts.push(t("stars-programme", { paused: m.paused ? "yes" : "no", day: m.planDay, hour: String(m.planHour).padStart(2, "0"), cap: m.teamCap }));
  parts.push(
    m.weeks.length === 0
      ? t("stars-weeks-none")
      : [t("stars-weeks-title"), ...m.weeks.map((w) => t("stars-week-line", { week: formatDay(w.week, locale, m.today), planned: w.planned, done: w.done, reached: w.reached }))].join("\n"),
  );
  if (m.lines.length > 0) parts.push(t("stars-tap-hint"));
  const kb = new InlineKeyboard();
  m.lines.slice(0, BUTTONS_SHOWN).forEach((l, i) => {
    kb.text(`${clip(l.name, 24)} · ${starPercent(l)}%`, starData.member(l.memberId));
    if (i % 2 === 1) kb.row();
  });
  kb.row()
    .text(t("stars-btn-team-cap-down"), starData.teamCap(false))
    .text(t("stars-btn-team-cap-up"), starData.teamCap(true))
    .row()
    .text(t("stars-btn-day", { day: m.planDay }), starData.next("day"))
    .text(t("stars-btn-hour", { hour: String(m.planHour).padStart(2, "0") }), starData.next("hour"))
    .text(t("stars-btn-window", { months: m.windowMonths }), starData.next("window"))
    .row()
    .text(t(m.paused ? "stars-btn-resume" : "stars-btn-pause"), starData.pause(!m.paused));
  return { text: parts.join("\n\n"), keyboard: kb };
}

export function renderOwnLine(t: Translate, line: (StarLine & { trend: number[] }) | null): string {
  if (!line || line.clients === 0) return [t("stars-own-title"), t("stars-own-empty")].join("\n\n");
  return [t("stars-own-title"), lineText(t, line), t("stars-own-hint")].join("\n\n");
}

export interface MemberModel {
  line: StarLine;
  clients: SingleVoiceClient[];
  cap: number;
  role: StarsRole | null;
}

export function renderMember(t: Translate, m: MemberModel): { text: string; keyboard: InlineKeyboard } {
  const parts = [t("stars-member-title", { name: m.line.name, clients: m.line.clients, single: m.line.singleVoice, percent: starPercent(m.line) })];
  if (m.clients.length === 0) parts.push(t("stars-member-none"));
  else {
    const list = m.clients.map((c, i) => t("stars-member-client", { n: i + 1, clientHtml: `<b>${escapeHtml(clip(c.name, 80))}</b>`, temperature: c.temperature }));
    if (m.line.singleVoice > m.clients.length) list.push(t("stars-member-more", { count: m.line.singleVoice - m.clients.length }));
    parts.push(list.join("\n"));
  }
  parts.push(t("stars-member-cap", { cap: m.cap, role: m.role ?? "none" }));
  const id = m.line.memberId;
  const kb = new InlineKeyboard()
    .text(t("stars-btn-cap-down"), starData.cap(id, false))
    .text(t("stars-btn-cap-up"), starData.cap(id, true))
    .row();
  for (const role of [null, "trainee", "quality"] as const) {
    if (role !== m.role) kb.text(t("stars-btn-role", { role: role ?? "none" }), starData.role(id, role));
  }
  kb.row().text(t("stars-btn-back"), starData.overview());
  return { text: parts.join("\n\n"), keyboard: kb };
}

/** The handover preview's star line for the leaver. */
export function renderLeaverStarLine(t: Translate, line: StarLine): string {
  return t("stars-offboard-line", { single: line.singleVoice, clients: line.clients, name: line.name, percent: starPercent(line) });
}

/** The import preview's line for the "other managers" column. */
export function importVoicesText(t: Translate, v: { links: number; unknown: { name: string; count: number }[] }): string {
  const lines = [t("stars-import-voices", { links: v.links })];
  if (v.unknown.length > 0) {
    const names = v.unknown.slice(0, 10).map((u) => clip(u.name, 40));
    lines.push(t("stars-import-voices-unknown", { names: names.join(", "), count: v.unknown.length }));
  }
  return lines.join("\n");
}
