// Erasing personal data: one client (a lead's "Delete" on the card) or a whole team (typed confirmation).
// Rules and SQL only. Each is one transaction: all of it goes, or nothing.
// Raw SQL on purpose, not for speed: the tables to erase from are found in the database itself (every table
// whose foreign keys point at the row, PRAGMA foreign_key_list), so a table added later is never forgotten;
// drizzle has no delete from a table named at run time.
import type { Db } from "../db/client.js";

type Sqlite = Db["$client"];

/** Deletes the client and everything about it; the team's history keeps "deleted client #id". */
export function deleteClient(db: Db, input: { teamId: number; clientId: number; actorId: number; now: Date }): "deleted" | "not_found" {
  const sqlite = db.$client;
  return db.transaction(() => {
    const found = sqlite.prepare("SELECT 1 FROM clients WHERE id = ? AND team_id = ?").get(input.clientId, input.teamId);
    if (!found) return "not_found";
    sqlite.pragma("defer_foreign_keys = ON");
    for (const { table, column } of referencesTo(sqlite, "clients")) {
      sqlite.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(input.clientId);
    }
    sqlite.prepare("DELETE FROM clients WHERE id = ?").run(input.clientId);
    sqlite
      .prepare("INSERT INTO audit_log (team_id, actor_id, action, details, at) VALUES (?, ?, 'client_deleted', ?, ?)")
      .run(input.teamId, input.actorId, JSON.stringify({ clientId: input.clientId }), input.now.getTime());
    return "deleted";
  });
}

/**
 * Deletes the team and all it holds: every table with a team_id, the rows that hang off those (checklist
 * steps, distribution items…), dialogue state and updates received in its people's chats, and the people
 * who belong to no other team. Found from the schema itself, so a table added later is not forgotten.
 */
export function deleteTeam(db: Db, teamId: number): { rows: number } {
  const sqlite = db.$client;
  return db.transaction(() => {
    const team = sqlite.prepare("SELECT group_chat_id AS groupChatId FROM teams WHERE id = ?").get(teamId) as { groupChatId: number | null } | undefined;
    if (!team) return { rows: 0 };
    sqlite.pragma("defer_foreign_keys = ON");
    const people = sqlite.prepare("SELECT DISTINCT telegram_id FROM members WHERE team_id = ? AND telegram_id IS NOT NULL").pluck().all(teamId) as number[];
    const chats = [...people, ...(team.groupChatId !== null ? [team.groupChatId] : [])];
    let rows = 0;
    const teamTables = tablesWithColumn(sqlite, "team_id");
    for (const table of allTables(sqlite)) {
      if (teamTables.includes(table)) continue;
      for (const fk of foreignKeys(sqlite, table)) {
        if (!teamTables.includes(fk.parent) || fk.parent === "teams") continue;
        rows += sqlite.prepare(`DELETE FROM "${table}" WHERE "${fk.column}" IN (SELECT "${fk.parentColumn}" FROM "${fk.parent}" WHERE team_id = ?)`).run(teamId).changes;
      }
    }
    for (const table of teamTables) rows += sqlite.prepare(`DELETE FROM "${table}" WHERE team_id = ?`).run(teamId).changes;
    rows += sqlite.prepare("DELETE FROM teams WHERE id = ?").run(teamId).changes;
    for (const chat of chats) {
      // Dialogue state is kept per chat (the key is the chat's id); it and stored updates may hold what people typed.
      rows += sqlite.prepare("DELETE FROM conversation_state WHERE key = ?").run(String(chat)).changes;
      rows += sqlite.prepare("DELETE FROM dialogue_focus WHERE chat_id = ? OR user_id = ?").run(chat, chat).changes;
      rows += sqlite.prepare("DELETE FROM received_updates WHERE payload LIKE ?").run(`%"id":${chat},%`).changes;
    }
    for (const id of people) {
      rows += sqlite.prepare("DELETE FROM users WHERE telegram_id = ? AND NOT EXISTS (SELECT 1 FROM members WHERE telegram_id = ?)").run(id, id).changes;
    }
    return { rows };
  });
}

function allTables(sqlite: Sqlite): string[] {
  return sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").pluck().all() as string[];
}

function tablesWithColumn(sqlite: Sqlite, column: string): string[] {
  return allTables(sqlite).filter((t) => (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).some((c) => c.name === column));
}

function foreignKeys(sqlite: Sqlite, table: string): { column: string; parent: string; parentColumn: string }[] {
  return (sqlite.pragma(`foreign_key_list("${table}")`) as { from: string; table: string; to: string | null }[]).map((fk) => ({
    column: fk.from,
    parent: fk.table,
    parentColumn: fk.to ?? "id",
  }));
}

function referencesTo(sqlite: Sqlite, parent: string): { table: string; column: string }[] {
  return allTables(sqlite).flatMap((table) => foreignKeys(sqlite, table).filter((fk) => fk.parent === parent).map((fk) => ({ table, column: fk.column })));
}
