// The teams in a database, for operators: the command-line tools show them when no --team is given.
import { asc, count, eq, ne, and } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members, teams } from "../db/schema.js";

export interface TeamLine {
  id: number;
  name: string;
  members: number;
}

export function listTeams(db: Db): TeamLine[] {
  return db
    .select({ id: teams.id, name: teams.name, members: count(members.id) })
    .from(teams)
    .leftJoin(members, and(eq(members.teamId, teams.id), ne(members.status, "left")))
    .groupBy(teams.id)
    .orderBy(asc(teams.id))
    .all();
}

/** "  #1  Отдел продаж (4 members)" lines, or one line saying there are none yet. */
export function teamLines(db: Db): string[] {
  const list = listTeams(db);
  if (list.length === 0) return ["No teams in this database yet: a lead creates one with /start in the bot."];
  return ["Teams in this database:", ...list.map((t) => `  --team ${t.id}  ${t.name} (${t.members} member${t.members === 1 ? "" : "s"})`)];
}
