// /settings for leads: the manager cap, calls per manager per day, campaign days, digest hour, working
// days and hours, the deadline window, and each manager's weight and exclusion from distributions.
// Choices are buttons that edit the message in place; numbers are typed in a short dialogue.
import { Composer, GrammyError, type InlineKeyboard } from "grammy";
import { getTeamSettings, managerSetting, managerSettings, setMemberWeight, settingsHome, toggleMemberExcluded, toggleWeeklyPicture, toggleWorkingDay, updateTeamSetting, WEIGHT_PRESETS } from "./settings.js";
import type { BotContext } from "../bot/context.js";
import { settingsValueId, type SettingsValueArgs } from "./settings-value-dialogue.js";
import { requireLead } from "../bot/guards.js";
import { settingsButtons } from "./settings-keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { daysScreen, homeScreen, managerScreen, managersScreen, type Screen } from "./settings-view.js";

export const settingsFeature = new Composer<BotContext>();

settingsFeature.command("settings", async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  const screen = homeScreen(ctx.t, membership.team, settingsHome(ctx.deps.db, membership.team.id));
  if (!screen) return;
  return ctx.reply(screen.text, { reply_markup: screen.keyboard });
});

// A stale dialogue button (`set:c:`) decodes to nothing here: "unhandled" answers it.
onButton(settingsFeature, settingsButtons, async (ctx, tap) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  const { team } = membership;
  const db = ctx.deps.db;

  switch (tap.kind) {
    case "home":
      return show(ctx, homeScreen(ctx.t, team, settingsHome(db, team.id)));
    case "field":
      return ask(ctx, { field: tap.field });
    case "noCap":
      updateTeamSetting(db, team.id, "managerCap", null);
      return show(ctx, homeScreen(ctx.t, team, settingsHome(db, team.id)), ctx.t("settings-saved"));
    case "days":
      return show(ctx, daysScreen(ctx.t, getTeamSettings(db, team.id)?.workingDays ?? []));
    case "toggleDay": {
      const result = toggleWorkingDay(db, team.id, tap.day);
      if (!result.ok) return ctx.answerCallbackQuery({ text: ctx.t("settings-last-day"), show_alert: true });
      return show(ctx, daysScreen(ctx.t, getTeamSettings(db, team.id)?.workingDays ?? []));
    }
    case "managers":
      return show(ctx, managersScreen(ctx.t, managerSettings(db, team.id)));
    case "weekly":
      toggleWeeklyPicture(db, team.id);
      return show(ctx, homeScreen(ctx.t, team, settingsHome(db, team.id)), ctx.t("settings-saved"));
    case "manager": {
      const m = managerSetting(db, team.id, tap.memberId);
      if (!m) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      return show(ctx, managerScreen(ctx.t, m));
    }
    case "weight": {
      if (!setMemberWeight(db, team.id, tap.memberId, WEIGHT_PRESETS[tap.preset]!)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      return show(ctx, managerScreen(ctx.t, managerSetting(db, team.id, tap.memberId)!), ctx.t("settings-saved"));
    }
    case "typedWeight":
      if (!managerSetting(db, team.id, tap.memberId)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      return ask(ctx, { field: "weight", memberId: tap.memberId });
    case "exclude": {
      const excluded = toggleMemberExcluded(db, team.id, tap.memberId);
      if (excluded === null) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      const m = managerSetting(db, team.id, tap.memberId)!;
      ctx.log.info({ memberId: m.memberId, excluded }, "manager exclusion changed");
      return show(ctx, managerScreen(ctx.t, m), ctx.t(excluded ? "settings-toast-excluded" : "settings-toast-included", { name: m.name }));
    }
  }
});

async function ask(ctx: BotContext, args: SettingsValueArgs) {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(settingsValueId);
  await ctx.conversation.enter(settingsValueId, args);
}

/** Edits the tapped message into the screen; the same screen twice (a double tap) is no error. */
async function show(ctx: BotContext, screen: Screen | null, toast?: string) {
  await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  if (!screen) return;
  try {
    await ctx.editMessageText(screen.text, { reply_markup: screen.keyboard as InlineKeyboard });
  } catch (err) {
    if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
    throw err;
  }
}
