import { Composer } from "grammy";
import type { Capability } from "./capability.js";
import type { BotContext } from "./context.js";

export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", (ctx) => {
  const role = ctx.actor.member?.role ?? "stranger";
  return ctx.reply(ctx.t("help-intro") + "\n\n" + ctx.t(`help-${role}`), { link_preview_options: { is_disabled: true } });
});

// Reached only when no dialogue is open: an open one takes /cancel itself (see bot/dialogues/ask.ts).
helpFeature.command("cancel", (ctx) => ctx.reply(ctx.t("cancel-nothing")));

/** /help and /cancel: the bot's own, described like a capability so the menus and the wiring read one list. */
export const help: Capability = {
  name: "help",
  features: [helpFeature],
  menu: [
    { command: "help", menus: ["none", "manager", "lead", "group"], position: 150 },
    { command: "cancel", menus: ["none", "manager", "lead"], position: 170 },
  ],
};
