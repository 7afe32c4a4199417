// `npm run job -- <name> [--team <id>]` as a real process against a local Bot API.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { calls, notifications } from "../../src/db/schema.js";
import { createTeam, joinTeam } from "../../src/team/teams.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { BOT_INFO, TEST_TOKEN } from "../support/harness.js";
import { seedManyClients } from "../support/seed.js";
import { DEFAULT_START } from "../support/clock.js";

const root = join(import.meta.dirname, "../..");
let dir: string | undefined;
let server: BotApiServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function runJob(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const out = { stdout: "", stderr: "" };
    const proc = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/job.ts"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    proc.stdout.on("data", (d) => (out.stdout += d));
    proc.stderr.on("data", (d) => (out.stderr += d));
    proc.on("exit", (code) => resolve({ code, ...out }));
  });
}

describe("npm run job", () => {
  it("runs one job for one team now, sends what it enqueued, and exits", async () => {
    dir = mkdtempSync(join(tmpdir(), "job-cli-"));
    const path = join(dir, "db.sqlite");
    const db = openDatabase(path);
    const now = new Date(DEFAULT_START);
    createTeam(db, { name: "Первая", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
    createTeam(db, { name: "Вторая", timezone: "Europe/Moscow", founder: { telegramId: 300, name: "Олег" }, now });
    seedManyClients(db, 1, null, 3);
    seedManyClients(db, 2, null, 2);
    closeDatabase(db);
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();

    const result = await runJob(["unassigned-nag", "--team", "1"], { BOT_TOKEN: TEST_TOKEN, DATABASE_PATH: path, BOT_API_ROOT: server.url, TEST_CLOCK_START: DEFAULT_START });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("unassigned-nag: 1 message(s) enqueued for 1 team(s)");
    expect(result.stdout).toContain("sent 1");
    const sent = server.calls.filter((c) => c.method === "sendMessage");
    expect(sent.map((c) => c.payload.chat_id)).toEqual([100]);
    expect(sent[0]!.payload.text).toContain("3 клиента без менеджера");

    const after = openDatabase(path);
    expect(after.select().from(notifications).where(eq(notifications.status, "sent")).all()).toHaveLength(1);
    closeDatabase(after);
  }, 60_000);

  it("ends even when the Bot API cannot be reached, leaving the messages for the bot's sender", async () => {
    dir = mkdtempSync(join(tmpdir(), "job-cli-"));
    const path = join(dir, "db.sqlite");
    const db = openDatabase(path);
    createTeam(db, { name: "Первая", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now: new Date(DEFAULT_START) });
    seedManyClients(db, 1, null, 3);
    closeDatabase(db);
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();
    const url = server.url;
    await server.stop(); // nothing listens there any more
    server = undefined;

    const result = await runJob(["unassigned-nag"], { BOT_TOKEN: TEST_TOKEN, DATABASE_PATH: path, BOT_API_ROOT: url, LOG_LEVEL: "silent" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("sent 0");
    expect(result.stdout).toContain("retrying later 1");
    const after = openDatabase(path);
    expect(after.select().from(notifications).all()).toMatchObject([{ status: "pending", attempts: 1 }]);
    closeDatabase(after);
  }, 60_000);

  it("plans the week's second-voice touches with destarring-plan and tells the lead", async () => {
    dir = mkdtempSync(join(tmpdir(), "job-cli-"));
    const path = join(dir, "db.sqlite");
    const db = openDatabase(path);
    const now = new Date(DEFAULT_START);
    const { team, member: lead } = createTeam(db, { name: "Первая", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
    joinTeam(db, { team, role: "manager", person: { telegramId: 200, name: "Борис" }, now });
    seedManyClients(db, team.id, lead.id, 3);
    closeDatabase(db);
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();

    const result = await runJob(["destarring-plan"], { BOT_TOKEN: TEST_TOKEN, DATABASE_PATH: path, BOT_API_ROOT: server.url, TEST_CLOCK_START: DEFAULT_START });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("destarring-plan: 1 message(s) enqueued for 1 team(s)");
    const sent = server.calls.filter((c) => c.method === "sendMessage");
    expect(sent.map((c) => c.payload.chat_id)).toEqual([100]);
    expect(sent[0]!.payload.text).toContain("Касания «второго голоса» на неделю 23.11</b>: 3");
    const after = openDatabase(path);
    expect(after.select().from(calls).all().map((c) => [c.kind, c.assigneeId])).toEqual(Array(3).fill(["second_voice", lead.id + 1]));
    closeDatabase(after);
  }, 60_000);

  it("names the jobs when asked for one it does not know", async () => {
    const result = await runJob(["no-such-job"], { BOT_TOKEN: TEST_TOKEN });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown job "no-such-job"');
    expect(result.stderr).toContain("unassigned-nag, deadline-nag");
  }, 60_000);
});
