import { eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { hotQueries } from "./hot-queries.js";
import { conversationState } from "./schema.js";

/** A grammY storage adapter over SQLite, so open conversations survive a restart. */
export function sqliteStorage<T>(db: Db, now: () => number) {
  return {
    read(key: string): T | undefined {
      const row = hotQueries(db).conversationByKey.get({ key });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write(key: string, value: T): void {
      const json = JSON.stringify(value);
      db.insert(conversationState)
        .values({ key, value: json, updatedAt: now() })
        .onConflictDoUpdate({ target: conversationState.key, set: { value: json, updatedAt: now() } })
        .run();
    },
    delete(key: string): void {
      db.delete(conversationState).where(eq(conversationState.key, key)).run();
    },
  };
}
