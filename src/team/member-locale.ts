import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { users } from "../db/schema.js";
import { localeFromTelegram, type Locale } from "../platform/locale.js";

// Asked once per recipient by the digest and every nag: prepared once, not built each time.
const userById = preparedOnce((db) => db.select().from(users).where(eq(users.telegramId, sql.placeholder("id"))).prepare());

/** The language to write to someone in when they are not the one talking: their choice, else their client's. */
export function localeOfUser(db: DbOrTx, telegramId: number | null): Locale {
  if (telegramId === null) return "ru";
  const user = userById(db).get({ id: telegramId });
  if (user?.locale === "ru" || user?.locale === "en") return user.locale;
  return localeFromTelegram(user?.languageCode ?? undefined);
}
