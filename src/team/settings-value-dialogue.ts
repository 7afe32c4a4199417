// Asks a lead for one typed setting (a number of days, an hour, working hours, a manager's weight),
// explains a value out of range and asks again, then saves it and shows the settings again.
import type { TapOf } from "../bot/callback-data.js";
import { managerSetting, parseSettingValue, type ParsedValue, setMemberWeight, settingsHome, updateTeamSetting, LIMITS, type TypedField } from "./settings.js";
import type { ConvContext } from "../bot/context.js";
import { quitKeyboard, settingsDialogueButtons } from "./settings-keyboards.js";
import { homeScreen, managerScreen } from "./settings-view.js";
import { askUntil, type Conv } from "../bot/dialogues/ask.js";

export const settingsValueId = "settings-value";
/** A forgotten question ends by itself rather than capturing some later text. */
export const SETTINGS_DIALOG_TIMEOUT_MS = 30 * 60 * 1000;

export interface SettingsValueArgs {
  field: TypedField;
  memberId?: number;
}

export async function settingsValueConversation(conversation: Conv, ctx: ConvContext, args: SettingsValueArgs): Promise<void> {
  const start = await conversation.external((c) => {
    const { member, team } = c.actor;
    if (!member || !team || member.role !== "lead") return null;
    if (args.field === "weight") {
      const m = args.memberId === undefined ? null : managerSetting(c.deps.db, team.id, args.memberId);
      return m ? { teamId: team.id, teamName: team.name, name: m.name } : null;
    }
    return { teamId: team.id, teamName: team.name, name: "" };
  });
  if (!start) {
    await ctx.reply(ctx.t("settings-gone"));
    return;
  }
  const limits = LIMITS[args.field];
  const question = ctx.t(`settings-ask-${args.field}`, { min: limits.min, max: limits.max, name: start.name });
  const answer = await askUntil<Extract<ParsedValue, { ok: true }> | null, TapOf<typeof settingsDialogueButtons>>(
    conversation,
    ctx,
    { text: question, keyboard: quitKeyboard(ctx.t), buttons: settingsDialogueButtons },
    async (a) => {
      if (a.kind === "button") return a.tap !== null ? { ok: true, value: null } : { ok: false, error: ctx.t("settings-type-or-quit") };
      const parsed = parseSettingValue(args.field, a.text);
      if (!parsed.ok) return { ok: false, error: ctx.t(`settings-invalid-${args.field}`, { min: limits.min, max: limits.max }) };
      return { ok: true, value: parsed };
    },
  );
  const done = answer.ctx;
  if (answer.value === null) {
    await done.reply(done.t("settings-unchanged"));
    return;
  }
  const value = answer.value.value;
  const saved = await conversation.external((c) => {
    // Checked again: the person may have lost the lead role while the question was open.
    const { member, team } = c.actor;
    if (!member || !team || member.role !== "lead" || team.id !== start.teamId) return false;
    if (args.field === "weight") return setMemberWeight(c.deps.db, team.id, args.memberId!, value as number);
    updateTeamSetting(c.deps.db, team.id, args.field, value);
    return true;
  });
  if (!saved) {
    await done.reply(done.t("settings-gone"));
    return;
  }
  // Plain JSON out of `external`: the replay log stores it.
  const screen = await conversation.external((c) => {
    const shown =
      args.field === "weight"
        ? (() => {
            const m = managerSetting(c.deps.db, start.teamId, args.memberId!);
            return m ? managerScreen(c.t, m) : null;
          })()
        : homeScreen(c.t, { name: start.teamName }, settingsHome(c.deps.db, start.teamId));
    return shown ? { text: shown.text, inline_keyboard: shown.keyboard.inline_keyboard } : null;
  });
  await done.reply(done.t("settings-saved"));
  if (screen) await done.reply(screen.text, { reply_markup: { inline_keyboard: screen.inline_keyboard } });
}
