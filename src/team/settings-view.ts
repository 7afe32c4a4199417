// What /settings shows: the team's values, the managers' part in distributions, one manager's card.
import type { InlineKeyboard } from "grammy";
import { getTeamSettings, managerSettings, WEEKDAYS, type ManagerSetting } from "./settings.js";
import type { Db } from "../db/client.js";
import { escapeHtml } from "../platform/html.js";
import type { Translate } from "../platform/locale.js";
import { formatWeight, homeKeyboard, MAX_MANAGER_BUTTONS, managerKeyboard, managersKeyboard, daysKeyboard } from "./settings-keyboards.js";

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

export function homeScreen(db: Db, t: Translate, team: { id: number; name: string }): Screen | null {
  const s = getTeamSettings(db, team.id);
  if (!s) return null;
  const managers = managerSettings(db, team.id);
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

export function daysScreen(db: Db, t: Translate, teamId: number): Screen {
  const days = getTeamSettings(db, teamId)?.workingDays ?? [];
  return { text: t("settings-days-title", { days: daysText(t, days) }), keyboard: daysKeyboard(t, days) };
}

export function managersScreen(db: Db, t: Translate, teamId: number): Screen {
  const managers = managerSettings(db, teamId);
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
