// Statements prepared once per connection: drizzle builds and better-sqlite3 compiles a query on every
// call otherwise, which costs more than running it on a tap path. A capability declares its statements
// with `preparedOnce(build)` in one file and gets them back for a database or a transaction (a drizzle
// transaction runs on the same connection, so the statements serve both).
import type Database from "better-sqlite3";
import type { DbOrTx } from "./client.js";

/** The better-sqlite3 connection under a drizzle database or transaction. */
export function connectionOf(db: DbOrTx): Database.Database {
  const d = db as { $client?: Database.Database; session?: { client?: Database.Database } };
  const client = d.$client ?? d.session?.client;
  if (!client) throw new TypeError("connectionOf: not a better-sqlite3 drizzle database");
  return client;
}

export function preparedOnce<T>(build: (db: DbOrTx, sqlite: Database.Database) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<Database.Database, T>();
  return (db) => {
    const sqlite = connectionOf(db);
    let statements = cache.get(sqlite);
    if (!statements) cache.set(sqlite, (statements = build(db, sqlite)));
    return statements;
  };
}
