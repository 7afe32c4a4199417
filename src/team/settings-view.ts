// What /settings shows: the team's values, the managers' part in distributions, one manager's card.
import type { InlineKeyboard } from "grammy";
import { WEEKDAYS, type ManagerSetting, type SettingsHome } from "./settings.js";
import { escapeHtml } from "../platform/html.js";
import type { Translate } from "../platform/locale.js";
import { formatWeight, homeKeyboard, MAX_MANAGER_BUTTONS, managerKeyboard, managersKeyboard, daysKeyboard } from "./settings-keyboards.js";

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

/** The team's values and its managers' part (settingsHome); nothing to show for a team that is gone. */
export function homeScreen(t: Translate, team: { name: string }, home: SettingsHome | null): Screen | null {
  if (!home) return null;
  const { settings: s, managers } = home;
  const text = [
    t("settings-title", { team: team.name }),
    t("settings-distribution", {
      capHtml: s.managerCap === null ? t("settings-no-cap") : `<b>${s.managerCap}</b>`,
      excluded: managers.filter((m) => m.excluded).length,
      partTime: managers.filter((m) => !m.excluded && m.weight !== 1).length,
    }),
    t("settings-calls", { days: s.campaignDays, calls: s.maxCallsPerDay }),
    t("settings-time", {
      days: daysText(t, s.workingDays),
      start: s.workStartHour,
      end: s.workEndHour,
      digest: String(s.digestHour).padStart(2, "0"),
      window: s.deadlineWindowHours,
    }),
    t("settings-weekly", { on: s.weeklyPicture ? "yes" : "no" }),
    t("settings-hint"),
  ].join("\n\n");
  return { text, keyboard: homeKeyboard(t, s.managerCap !== null, s.weeklyPicture) };
}

export function daysScreen(t: Translate, days: number[]): Screen {
  return { text: t("settings-days-title", { days: daysText(t, days) }), keyboard: daysKeyboard(t, days) };
}

export function managersScreen(t: Translate, managers: ManagerSetting[]): Screen {
  const lines = managers.map((m) => managerLine(t, m));
  const parts = [t("settings-managers-title"), lines.length > 0 ? lines.join("\n") : t("settings-managers-none")];
  if (managers.length > MAX_MANAGER_BUTTONS) parts.push(t("settings-managers-more", { count: managers.length - MAX_MANAGER_BUTTONS }));
  return { text: parts.join("\n\n"), keyboard: managersKeyboard(t, managers) };
}

export function managerScreen(t: Translate, m: ManagerSetting): Screen {
  return {
    text: [managerLine(t, m), t("settings-manager-hint")].join("\n\n"),
    keyboard: managerKeyboard(t, m),
  };
}

function managerLine(t: Translate, m: ManagerSetting): string {
  return t("settings-manager-line", {
    nameHtml: `<b>${escapeHtml(m.name)}</b>`,
    weight: formatWeight(m.weight),
    excluded: m.excluded ? "yes" : "no",
    departing: m.status === "departing" ? "yes" : "no",
  });
}

function daysText(t: Translate, days: number[]): string {
  return WEEKDAYS.filter((d) => days.includes(d))
    .map((d) => t(`settings-day-${d}`))
    .join(", ");
}
