import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", (ctx) => {
  const role = ctx.actor.member?.role ?? "stranger";
  return ctx.reply(ctx.t("help-intro") + "\n\n" + ctx.t(`help-${role}`), { link_preview_options: { is_disabled: true } });
});
