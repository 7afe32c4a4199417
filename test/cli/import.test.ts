import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runImportCli, type CliIo } from "../../src/cli/import.js";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { clients, members, notifications } from "../../src/db/schema.js";
import { createTeam, getTeam, joinTeam } from "../../src/team/teams.js";

const now = new Date("2026-11-23T06:00:00Z");
let dir: string;
let db: Db;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "import-cli-"));
  db = openDatabase(join(dir, "bot.sqlite"));
  const { team } = createTeam(db, { name: "Отдел", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
  joinTeam(db, { team, role: "manager", person: { telegramId: 200, name: "Борис" }, now });
  out = [];
  err = [];
  io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { DATABASE_PATH: join(dir, "bot.sqlite") }, now: () => now };
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, lines: string[], encoding: "utf8" | "cp1251" = "utf8"): string {
  const path = join(dir, name);
  const text = lines.join("\r\n");
  writeFileSync(path, encoding === "cp1251" ? iconv.encode(text, "win1251") : Buffer.from(text));
  return path;
}

describe("npm run import", () => {
  it("queues a message for a member the file gives someone else's clients, in the bot's words", async () => {
    joinTeam(db, { team: getTeam(db, 1)!, role: "manager", person: { telegramId: 300, name: "Вера" }, now });
    expect(await runImportCli(["--team", "1", file("a.csv", ["ID;ФИО;Ответственный", "1;Иван;Борис", "2;Ольга;Борис"])], io, db)).toBe(0);
    expect(db.select().from(notifications).all()).toEqual([]);
    expect(await runImportCli(["--team", "1", file("b.csv", ["ID;ФИО;Ответственный", "1;Иван;Вера", "2;Ольга;Вера"])], io, db)).toBe(0);
    expect(out.at(-1)).toBe("Clients that were someone else's went to 1 member, who hears it from the bot.");
    const queued = db.select().from(notifications).all();
    expect(queued.map((n) => [n.chatId, n.kind, (n.payload as { text: string }).text])).toEqual([
      [300, "client_assigned", "По загруженному файлу «b.csv» вам переданы 2 клиента: Иван, Ольга. Все ваши клиенты — в /clients."],
    ]);
  });

  it("imports a Windows-1251 CSV as the team's lead, with the bot's rules", async () => {
    const path = file("base.csv", ["ФИО;Телефон;Ответственный;Температура", "Иван;+79161234567;Борис;горячий", "Ольга;+79161234568;Незнакомец;"], "cp1251");
    expect(await runImportCli(["--team", "1", path], io, db)).toBe(0);
    expect(out.join("\n")).toContain("2 data rows (windows-1251");
    expect(out.join("\n")).toContain('Unknown owner "Незнакомец" (rows 3)');
    expect(out.at(-1)).toBe("Imported: 2 new, 0 updated, 0 unchanged.");
    const boris = db.select().from(members).where(eq(members.telegramId, 200)).get()!;
    expect(db.select({ name: clients.name, ownerId: clients.ownerId, temperature: clients.temperature }).from(clients).all()).toEqual([
      { name: "Иван", ownerId: boris.id, temperature: "hot" },
      { name: "Ольга", ownerId: db.select().from(members).where(eq(members.name, "Незнакомец")).get()!.id, temperature: "warm" },
    ]);
    // Again: nothing new.
    out = [];
    expect(await runImportCli(["--team", "1", path], io, db)).toBe(0);
    expect(out.at(-1)).toBe("Imported: 0 new, 0 updated, 2 unchanged.");
    expect(db.select().from(clients).all()).toHaveLength(2);
  });

  it("writes nothing when a row is bad, unless asked for the valid rows only", async () => {
    const path = file("dirty.csv", ["ФИО;Телефон", "Иван;+79161234567", ";+79161234568"]);
    expect(await runImportCli(["--team", "1", path], io, db)).toBe(1);
    expect(out.join("\n")).toContain("row 3: missing_name (rejected)");
    expect(err.join("\n")).toContain("nothing was written");
    expect(db.select().from(clients).all()).toHaveLength(0);
    expect(await runImportCli(["--team", "1", "--valid-only", path], io, db)).toBe(0);
    expect(db.select().from(clients).all()).toHaveLength(1);
  });

  it("applies a manager's rules with --as, and a dry run writes nothing", async () => {
    const boris = db.select().from(members).where(eq(members.telegramId, 200)).get()!;
    const path = file("mine.csv", ["ФИО;Ответственный", "Свой;", "Чужой;Анна"]);
    expect(await runImportCli(["--team", "1", "--as", String(boris.id), "--dry-run", path], io, db)).toBe(0);
    expect(out.join("\n")).toContain('row 3: owner_not_you "Анна" (rejected)');
    expect(out.at(-1)).toBe("Dry run: nothing written.");
    expect(db.select().from(clients).all()).toHaveLength(0);
  });

  it("explains bad usage, a missing team, an unreadable file and a file without a name column", async () => {
    expect(await runImportCli([], io, db)).toBe(2);
    expect(err.join("\n")).toContain("usage: npm run import");
    expect(await runImportCli(["--team", "9", "x.csv"], io, db)).toBe(1);
    expect(err.join("\n")).toContain("No team 9");
    err.length = 0;
    expect(await runImportCli(["x.csv"], io, db)).toBe(2); // which team? the operator sees the ids
    expect(err.join("\n")).toContain("--team 1  Отдел (2 members)");
    expect(await runImportCli(["--team", "1", join(dir, "missing.csv")], io, db)).toBe(1);
    expect(err.join("\n")).toContain("Cannot read");
    expect(await runImportCli(["--team", "1", file("x.csv", ["Телефон;Город", "+79161234567;Москва"])], io, db)).toBe(1);
    expect(err.at(-1)).toContain('Headers seen: "Телефон", "Город"');
  });

  it("runs as `npm run import` against the database file", async () => {
    const path = file("base.csv", ["ФИО;Телефон", "Иван;+79161234567"]);
    closeDatabase(db);
    const run = promisify(execFile);
    const result = await run("npm", ["run", "--silent", "import", "--", "--team", "1", path], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_PATH: join(dir, "bot.sqlite") },
    });
    expect(result.stdout).toContain("Imported: 1 new");
    db = openDatabase(join(dir, "bot.sqlite"));
    expect(db.select().from(clients).all()).toMatchObject([{ name: "Иван", phones: ["+79161234567"] }]);
  }, 60_000);
});
