import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import { describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "../../src/db/client.js";
import * as schema from "../../src/db/schema.js";

describe("migrations", () => {
  it("match the schema: a schema change without a generated migration fails here", async () => {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
      entries: { idx: number; tag: string }[];
    };
    const last = journal.entries.at(-1)!;
    const snapshotFile = join(migrationsFolder, "meta", `${String(last.idx).padStart(4, "0")}_snapshot.json`);
    const previous = JSON.parse(readFileSync(snapshotFile, "utf8"));
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>);
    const pending = await generateSQLiteMigration(previous, current);
    expect(pending, "run `npm run db:generate` and commit the migration").toEqual([]);
  });

  it("build a database with foreign keys on and WAL for files", () => {
    const db = openDatabase(":memory:");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db.$client.prepare("select name from sqlite_master where type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["teams", "members", "clients", "handovers", "calls", "notifications"]));
    db.$client.close();
  });
});
