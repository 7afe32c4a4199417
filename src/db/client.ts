import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A drizzle transaction or the database itself: a rule (or an enqueue) joins whatever transaction calls it. */
export type DbOrTx = Pick<Db, "insert" | "select" | "update" | "delete">;

export const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Opens (creating the folder) and migrates the database. ':memory:' gives a private one for tests. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  runMigrations(db);
  return db;
}

/**
 * Foreign keys are off while migrating: drizzle-kit rebuilds tables by copy-and-drop, and with keys on
 * a DROP would cascade into (or be refused by) child rows.
 */
export function runMigrations(db: Db): void {
  db.$client.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder });
    const broken = db.$client.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`Migration left ${broken.length} rows with broken foreign keys`);
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
