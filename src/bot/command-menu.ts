import { CommandGroup } from "@grammyjs/commands";
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotContext } from "./context.js";

/** Commands shown in Telegram's menu; descriptions come from the locale files. */
export const menuCommands = ["start", "help", "team", "clients", "client", "today", "offboard", "distribute", "settings", "report", "stars", "script", "status", "export", "invite", "language", "cancel"] as const;

export async function registerCommandMenu(api: Api, i18n: I18n<BotContext>): Promise<void> {
  const group = new CommandGroup<BotContext>();
  for (const name of menuCommands) {
    group.command(name, i18n.t("ru", `menu-${name}`)).localize("en", name, i18n.t("en", `menu-${name}`));
  }
  await group.setCommands({ api });
}
