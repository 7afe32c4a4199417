// Statements run on every update, prepared once per database: drizzle builds and better-sqlite3
// compiles a query each time otherwise, which costs more than the rest of an update's handling.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { conversationState, members, teams, users } from "./schema.js";

function prepare(db: Db) {
  return {
    userById: db.select().from(users).where(eq(users.telegramId, sql.placeholder("id"))).prepare(),
    membershipByTelegramId: db
      .select({ member: members, team: teams })
      .from(members)
      .innerJoin(teams, eq(teams.id, members.teamId))
      .where(and(eq(members.telegramId, sql.placeholder("id")), ne(members.status, "left")))
      .prepare(),
    /** The role alone (the command menu checks it after every private update): no rows to map. */
    roleByTelegramId: db.$client
      .prepare("SELECT m.role FROM members m JOIN teams t ON t.id = m.team_id WHERE m.telegram_id = ? AND m.status <> 'left'")
      .pluck(),
    teamByGroup: db.select().from(teams).where(eq(teams.groupChatId, sql.placeholder("id"))).prepare(),
    conversationByKey: db.select().from(conversationState).where(eq(conversationState.key, sql.placeholder("key"))).prepare(),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

export function hotQueries(db: Db): ReturnType<typeof prepare> {
  let q = cache.get(db);
  if (!q) {
    q = prepare(db);
    cache.set(db, q);
  }
  return q;
}
