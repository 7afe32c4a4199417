// Callback data and keyboards of /settings. Never trusted: the handler checks the lead, the team and the
// member on every tap.
import { InlineKeyboard } from "grammy";
import { callbackData, callbackSet, codes, id, int } from "../bot/callback-data.js";
import { WEEKDAYS, WEIGHT_PRESETS, type ManagerSetting, type TeamField } from "./settings.js";
import type { Translate } from "../platform/locale.js";
import { clip } from "../platform/format/clip.js";

const field = codes<TeamField>([
  ["managerCap", "cap"],
  ["maxCallsPerDay", "calls"],
  ["campaignDays", "days"],
  ["digestHour", "digest"],
  ["workingHours", "hours"],
  ["deadlineWindowHours", "window"],
]);
const ofMember = { memberId: id() };

export const settingsButtons = callbackSet({
  home: callbackData("set:home"),
  field: callbackData("set:f", { field }),
  noCap: callbackData("set:nocap"),
  days: callbackData("set:wd"),
  toggleDay: callbackData("set:wd", { day: int({ min: 1, max: 7 }) }),
  managers: callbackData("set:m"),
  manager: callbackData("set:m", ofMember),
  weight: callbackData("set:w", { memberId: id(), preset: int({ max: WEIGHT_PRESETS.length - 1 }) }),
  typedWeight: callbackData("set:mw", ofMember),
  exclude: callbackData("set:x", ofMember),
  weekly: callbackData("set:weekly"),
});

/** Buttons inside the typed-value dialogue (team/settings-value-dialogue.ts). */
export const settingsDialogueButtons = callbackSet({ quit: callbackData("set:c:q") }, "set:c");

const codec = settingsButtons.codecs;

export const setData = {
  home: () => codec.home.encode(),
  field: (f: TeamField) => codec.field.encode({ field: f }),
  noCap: () => codec.noCap.encode(),
  days: () => codec.days.encode(),
  toggleDay: (day: number) => codec.toggleDay.encode({ day }),
  managers: () => codec.managers.encode(),
  manager: (memberId: number) => codec.manager.encode({ memberId }),
  weight: (memberId: number, preset: number) => codec.weight.encode({ memberId, preset }),
  typedWeight: (memberId: number) => codec.typedWeight.encode({ memberId }),
  exclude: (memberId: number) => codec.exclude.encode({ memberId }),
  weekly: () => codec.weekly.encode(),
  quit: () => settingsDialogueButtons.codecs.quit.encode(),
};

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
  for (const d of WEEKDAYS) {
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
    kb.text(clip(label, 40), setData.manager(m.memberId));
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
