// Telegram's command menu per role: a person sees the commands they can use. Defaults for private chats
// (people in no team) and for groups are set at start; a member's own menu (scope: their chat) follows
// their role, set when it changes and checked on their first update after a start. Each capability
// lists its commands and the menus they belong to (its `menu`, see capability.ts).
import type { I18n } from "@grammyjs/i18n";
import type { Api, Middleware } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import { capabilities } from "../capabilities.js";
import { hotQueries } from "../db/hot-queries.js";
import type { Capability, Menu } from "./capability.js";
import type { BotContext, MenuRole } from "./context.js";
import { locales } from "../platform/locale.js";

export type { MenuRole } from "./context.js";

export type Menus = Record<Menu, readonly string[]>;

/** Each menu's commands, in the order of their positions. */
export function menusOf(list: readonly Capability[]): Menus {
  const entries = list.flatMap((c) => c.menu ?? []).sort((a, b) => a.position - b.position);
  const of = (menu: Menu) => entries.filter((e) => e.menus.includes(menu)).map((e) => e.command);
  return { none: of("none"), manager: of("manager"), lead: of("lead"), group: of("group") };
}

const MENUS = menusOf(capabilities);

/** Every command any menu shows (the locale test checks each has a description in every language). */
export const menuCommands = [...new Set(Object.values(MENUS).flat())];

function commands(i18n: I18n<BotContext>, locale: string, menu: Menu, menus: Menus): BotCommand[] {
  return menus[menu].map((command) => ({ command, description: i18n.t(locale, `menu-${command}`) }));
}

async function setMenu(api: Api, i18n: I18n<BotContext>, scope: BotCommandScope, menu: Menu, menus: Menus): Promise<void> {
  for (const locale of locales) {
    // Russian is also the menu for every language without its own.
    await api.setMyCommands(commands(i18n, locale, menu, menus), { scope, ...(locale === "ru" ? {} : { language_code: locale }) });
  }
}

/** At start: the menu of people in no team, and the short one of groups. */
export async function registerCommandMenu(api: Api, i18n: I18n<BotContext>, menus: Menus = MENUS): Promise<void> {
  await setMenu(api, i18n, { type: "all_private_chats" }, "none", menus);
  await setMenu(api, i18n, { type: "all_group_chats" }, "group", menus);
}

/** One person's menu in their private chat; "none" gives them the default back. */
export async function setPersonalMenu(api: Api, i18n: I18n<BotContext>, chatId: number, role: MenuRole, menus: Menus = MENUS): Promise<void> {
  const scope: BotCommandScope = { type: "chat", chat_id: chatId };
  if (role === "none") {
    for (const locale of locales) await api.deleteMyCommands({ scope, ...(locale === "ru" ? {} : { language_code: locale }) });
    return;
  }
  await setMenu(api, i18n, scope, role, menus);
}

/**
 * Keeps each person's menu in step with their role: on a private update, when the role differs from the one
 * their menu was last set for (in this run), the menu is set again, off the update's path. Puts `ctx.menus`
 * on the context, for features that change someone else's role.
 */
export function personalMenus(menus: Menus = MENUS): { middleware: Middleware<BotContext> } {
  const shown = new Map<number, MenuRole>();
  return {
    middleware: async (ctx, next) => {
      ctx.menus = { show: (chatId, role) => setPersonalMenu(ctx.api, ctx.i18nInstance, chatId, role, menus) };
      await next();
      if (ctx.chat?.type !== "private" || !ctx.from) return;
      // Read after the update: it may just have made them a member (an invite) or taken it away.
      const stored = (hotQueries(ctx.deps.db).roleByTelegramId.get(ctx.from.id) as MenuRole | undefined) ?? "none";
      // A lead being offboarded acts as a manager (middleware/context-extras.ts): the menu shows what works.
      const role: MenuRole = stored === "lead" && ctx.actor?.leadSuspended ? "manager" : stored;
      if (shown.get(ctx.from.id) === role) return;
      shown.set(ctx.from.id, role);
      await setPersonalMenu(ctx.api, ctx.i18nInstance, ctx.from.id, role, menus).catch((err) => {
        shown.delete(ctx.from!.id);
        ctx.log.warn({ err }, "could not set the person's command menu");
      });
    },
  };
}
