// Raw SQL (a better-sqlite3 statement prepared from SQL text, under drizzle) only where a bench showed
// drizzle too slow or where drizzle cannot say it, and then only in a capability's queries file
// (`queries.ts`, `*-queries.ts`, `*-statements.ts`, each statement with its reason) or in the ground that
// owns the connection (db/, outbox/). Everything else goes through drizzle. This reads the sources, so a
// raw statement written anywhere else fails the suite.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const ALLOWED = [/^src\/(db|outbox)\//, /(^|\/)queries\.ts$/, /-queries\.ts$/, /-statements\.ts$/];

/** A statement prepared from SQL text (a string or template literal), or SQL run directly by the driver. */
const RAW = /\.(prepare|exec)(<[^>]*>)?\(\s*[`"']/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** The text with comments blanked (line breaks kept), so a comment that quotes SQL is not code. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " "));
}

function rawSqlOutsideQueries(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    if (ALLOWED.some((a) => a.test(path))) continue;
    const code = withoutComments(text);
    for (const m of code.matchAll(RAW)) found.push(`${path}:${code.slice(0, m.index).split("\n").length}`);
  }
  return found;
}

describe("raw SQL", () => {
  it("is written only in queries files and the ground", () => {
    const files = sources(join(root, "src")).map((f) => ({ path: relative(root, f).split("\\").join("/"), text: readFileSync(f, "utf8") }));
    expect(files.length).toBeGreaterThan(100);
    expect(rawSqlOutsideQueries(files)).toEqual([]);
  });

  it("finds a raw statement in a rules file, over several lines too, and leaves queries files and comments alone", () => {
    const statement = 'sqlite.prepare(\n  `SELECT 1`,\n)';
    expect(
      rawSqlOutsideQueries([
        { path: "src/team/members.ts", text: `const a = 1;\n${statement};` },
        { path: "src/team/members.ts", text: 'db.$client.exec("DELETE FROM x")' },
        { path: "src/team/member-queries.ts", text: statement },
        { path: "src/db/audit.ts", text: statement },
        { path: "src/team/members.ts", text: `// ${statement.replace(/\n/g, " ")}\n/* ${statement} */\nconst q = db.select().from(t).prepare();` },
      ]),
    ).toEqual(["src/team/members.ts:2", "src/team/members.ts:1"]);
  });
});
