// Callback data and keyboards of /settings. Never trusted: the handler checks the lead, the team and the
// member on every tap.
import { InlineKeyboard } from "grammy";
import { WEIGHT_PRESETS, type ManagerSetting, type TeamField } from "./settings.js";
import type { Translate } from "../platform/locale.js";

/** Buttons inside the typed-value dialogue (team/settings-value-dialogue.ts). */
export const SETTINGS_DIALOG_PREFIX = "set:c:";

const fieldCodes: Record<TeamField, string> = {
  managerCap: "cap",
  maxCallsPerDay: "calls",
  campaignDays: "days",
  digestHour: "digest",
  workingHours: "hours",
  deadlineWindowHours: "window",
};
const fieldByCode = Object.fromEntries(Object.entries(fieldCodes).map(([k, v]) => [v, k])) as Record<string, TeamField>;

export type SettingsTap =
  | { kind: "home" }
  | { kind: "field"; field: TeamField }
  | { kind: "noCap" }
  | { kind: "days" }
  | { kind: "toggleDay"; day: number }
  | { kind: "managers" }
  | { kind: "manager"; memberId: number }
  | { kind: "weight"; memberId: number; preset: number }
  | { kind: "typedWeight"; memberId: number }
  | { kind: "exclude"; memberId: number }
  | { kind: "weekly" };

export const setData = {
  home: () => "set:home",
  field: (field: TeamField) => `set:f:${fieldCodes[field]}`,
  noCap: () => "set:nocap",
  days: () => "set:wd",
  toggleDay: (day: number) => `set:wd:${day}`,
  managers: () => "set:m",
  manager: (memberId: number) => `set:m:${memberId}`,
  weight: (memberId: number, preset: number) => `set:w:${memberId}:${preset}`,
  typedWeight: (memberId: number) => `set:mw:${memberId}`,
  exclude: (memberId: number) => `set:x:${memberId}`,
  weekly: () => "set:weekly",
  quit: () => `${SETTINGS_DIALOG_PREFIX}q`,
};

const ID = /^[1-9]\d{0,14}$/;
const num = (s: string | undefined) => (s !== undefined && ID.test(s) ? Number(s) : null);

export function decodeSettingsData(data: string): SettingsTap | null {
  const [prefix, code, a, b, ...rest] = data.split(":");
  if (prefix !== "set" || rest.length > 0) return null;
  if (a === undefined) {
    if (code === "home") return { kind: "home" };
    if (code === "nocap") return { kind: "noCap" };
    if (code === "wd") return { kind: "days" };
    if (code === "m") return { kind: "managers" };
    if (code === "weekly") return { kind: "weekly" };
    return null;
  }
  if (code === "f" && b === undefined) {
    const field = fieldByCode[a];
    return field ? { kind: "field", field } : null;
  }
  const id = num(a);
  if (id === null) return null;
  if (b === undefined) {
    if (code === "wd") return id >= 1 && id <= 7 ? { kind: "toggleDay", day: id } : null;
    if (code === "m") return { kind: "manager", memberId: id };
    if (code === "mw") return { kind: "typedWeight", memberId: id };
    if (code === "x") return { kind: "exclude", memberId: id };
    return null;
  }
  if (code === "w" && /^\d$/.test(b) && Number(b) < WEIGHT_PRESETS.length) return { kind: "weight", memberId: id, preset: Number(b) };
  return null;
}

export function homeKeyboard(t: Translate, hasCap: boolean, weeklyPicture = true): InlineKeyboard {
  const kb = new InlineKeyboard()
    .text(t("settings-btn-cap"), setData.field("managerCap"))
    .text(t("settings-btn-calls"), setData.field("maxCallsPerDay"))
    .row();
  if (hasCap) kb.text(t("settings-btn-no-cap"), setData.noCap()).row();
  return kb
    .text(t("settings-btn-days"), setData.field("campaignDays"))
    .text(t("settings-btn-digest"), setData.field("digestHour"))
    .row()
    .text(t("settings-btn-working-days"), setData.days())
    .text(t("settings-btn-hours"), setData.field("workingHours"))
    .row()
    .text(t("settings-btn-window"), setData.field("deadlineWindowHours"))
    .text(t("settings-btn-managers"), setData.managers())
    .row()
    .text(t(weeklyPicture ? "settings-btn-weekly-off" : "settings-btn-weekly-on"), setData.weekly());
}

export function daysKeyboard(t: Translate, days: number[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (let d = 1; d <= 7; d++) {
    kb.text(`${days.includes(d) ? "✅" : "▫️"} ${t(`settings-day-${d}`)}`, setData.toggleDay(d));
    if (d === 4) kb.row();
  }
  return kb.row().text(t("settings-btn-back"), setData.home());
}

/** Telegram allows 100 buttons per message. */
export const MAX_MANAGER_BUTTONS = 90;

export function managersKeyboard(t: Translate, managers: ManagerSetting[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  managers.slice(0, MAX_MANAGER_BUTTONS).forEach((m, i) => {
    const label = `${m.excluded ? "⛔ " : ""}${m.name} · ${formatWeight(m.weight)}`;
    kb.text(label.length > 40 ? label.slice(0, 39) + "…" : label, setData.manager(m.memberId));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t("settings-btn-back"), setData.home());
}

export function managerKeyboard(t: Translate, m: ManagerSetting): InlineKeyboard {
  const kb = new InlineKeyboard();
  WEIGHT_PRESETS.forEach((w, i) => kb.text(`${m.weight === w ? "✅ " : ""}${formatWeight(w)}`, setData.weight(m.memberId, i)));
  return kb
    .row()
    .text(t("settings-btn-other-weight"), setData.typedWeight(m.memberId))
    .row()
    .text(t(m.excluded ? "settings-btn-include" : "settings-btn-exclude"), setData.exclude(m.memberId))
    .row()
    .text(t("settings-btn-back-managers"), setData.managers());
}

export function quitKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("settings-btn-quit"), setData.quit());
}

/** 1 → "1", 0.5 → "0.5", 0.75 → "0.75". */
export function formatWeight(w: number): string {
  return String(Math.round(w * 100) / 100);
}
