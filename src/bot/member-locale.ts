import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { users } from "../db/schema.js";
import { localeFromTelegram, type Locale } from "./i18n.js";

/** The language to write to someone in when they are not the one talking: their choice, else their client's. */
export function localeOfUser(db: Db, telegramId: number | null): Locale {
  if (telegramId === null) return "ru";
  const user = db.select().from(users).where(eq(users.telegramId, telegramId)).get();
  if (user?.locale === "ru" || user?.locale === "en") return user.locale;
  return localeFromTelegram(user?.languageCode ?? undefined);
}
