// Who sent an update: their user row (touched: name, username and language kept fresh), their membership
// and the language to answer in. In a group linked to a team, only a membership of that team counts, so
// nobody acts on another team's data from a foreign group. The bot's middleware asks this (bot/context.ts,
// BotRules).
import type { Db } from "../db/client.js";
import type { users } from "../db/schema.js";
import { localeFromTelegram, type Locale } from "../platform/locale.js";
import { membershipOf, teamOfGroup, touchUser, type Member, type Team } from "./teams.js";

export interface Talking {
  user: typeof users.$inferSelect | null;
  member: Member | null;
  team: Team | null;
  locale: Locale;
}

export function actorOf(
  db: Db,
  from: { id: number; first_name: string; username?: string | undefined; language_code?: string | undefined },
  chat: { id: number; type: string } | undefined,
  now: Date,
): Talking {
  const user = touchUser(db, from, now);
  const membership = membershipOf(db, from.id);
  const locale: Locale = (user.locale as Locale | null) ?? localeFromTelegram(from.language_code);
  const actor: Talking = { user, member: membership?.member ?? null, team: membership?.team ?? null, locale };
  if (chat && chat.type !== "private" && membership) {
    const groupTeam = teamOfGroup(db, chat.id);
    if (groupTeam && groupTeam.id !== membership.team.id) return { ...actor, member: null, team: null };
  }
  return actor;
}
