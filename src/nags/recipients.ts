// Who a nag (or any job's message) can be written to: the people of a team with the language each reads,
// looked up once per run, and whether a direct message can reach them.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members, users } from "../db/schema.js";
import { localeFromTelegram, type Locale } from "../platform/locale.js";
import type { Member } from "../team/teams.js";

/** The people of a team, looked up once per run, with the language each reads. */
export interface TeamPeople {
  byId: Map<number, Member>;
  /** Leads who run the team: not one being offboarded (status departing), who gets no lead's nags. */
  leads: Member[];
  locales: Map<number, Locale>;
}

function peopleQuery(db: Db) {
  return db
    .select({ member: members, locale: users.locale, languageCode: users.languageCode })
    .from(members)
    .leftJoin(users, eq(users.telegramId, members.telegramId))
    .where(and(eq(members.teamId, sql.placeholder("teamId")), ne(members.status, "left")))
    .prepare();
}
const peopleQueries = new WeakMap<Db, ReturnType<typeof peopleQuery>>();

export function teamPeople(db: Db, teamId: number): TeamPeople {
  let query = peopleQueries.get(db);
  if (!query) {
    query = peopleQuery(db);
    peopleQueries.set(db, query);
  }
  const rows = query.all({ teamId });
  const byId = new Map<number, Member>();
  const locales = new Map<number, Locale>();
  for (const r of rows) {
    byId.set(r.member.id, r.member);
    // The same rule as localeOfUser: their /language choice, else their Telegram client's language.
    locales.set(r.member.id, r.locale === "ru" || r.locale === "en" ? r.locale : localeFromTelegram(r.languageCode ?? undefined));
  }
  return { byId, leads: [...byId.values()].filter((m) => m.role === "lead" && m.status === "active"), locales };
}

/** Someone a direct message can reach: opened the bot, has not blocked it, still with the team. */
export function canReceive(m: Member | undefined): m is Member & { telegramId: number } {
  return m !== undefined && m.telegramId !== null && m.status !== "left" && m.reachability !== "blocked" && m.reachability !== "never_started";
}
