// The built program as a real process, talking to a local Bot API over HTTP (BOT_API_ROOT).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";
import { built } from "../support/built.js";
import { BOT_INFO, TEST_TOKEN } from "../support/harness.js";
import { privateChat, telegramUser, textUpdate } from "../support/updates.js";

let mainJs: string;
let server: BotApiServer | undefined;
let child: ChildProcess | undefined;
let dir: string;

beforeAll(() => {
  mainJs = built("dist/main.js");
});

afterEach(async () => {
  child?.kill("SIGKILL");
  child = undefined;
  await server?.stop();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function startBot(env: Record<string, string>) {
  const output = { stdout: "", stderr: "" };
  const proc = spawn(process.execPath, [mainJs], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (output.stdout += d));
  proc.stderr!.on("data", (d) => (output.stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  child = proc;
  return { proc, output, exited };
}

describe("the bot as a process", () => {
  it("starts, migrates, answers /start over long polling, and stops cleanly on SIGTERM", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-e2e-"));
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();
    const { proc, exited, output } = startBot({
      BOT_TOKEN: TEST_TOKEN,
      BOT_API_ROOT: server.url,
      DATABASE_PATH: join(dir, "data/bot.sqlite"),
    });
    const user = telegramUser(4242, { first_name: "Ира" });
    server.push(textUpdate(user, "/start", privateChat(user), new Date("2026-11-23T10:00:00+03:00")));
    const reply = await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 4242);
    expect(reply.payload.text).toContain("handover-bot");
    expect(existsSync(join(dir, "data/bot.sqlite"))).toBe(true);
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output.stdout + output.stderr).not.toContain(TEST_TOKEN);
  });

  it("exits with code 1 and one line naming the problem when configuration is bad", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-e2e-"));
    const missing = startBot({});
    expect(await missing.exited).toBe(1);
    expect(missing.output.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.output.stderr).toContain("BOT_TOKEN");

    const badZone = startBot({ BOT_TOKEN: TEST_TOKEN, DEFAULT_TIMEZONE: "Mars/Base" });
    expect(await badZone.exited).toBe(1);
    expect(badZone.output.stderr).toContain("DEFAULT_TIMEZONE");
    expect(badZone.output.stderr).not.toContain(TEST_TOKEN);

    const pinnedInProduction = startBot({ BOT_TOKEN: TEST_TOKEN, NODE_ENV: "production", TEST_CLOCK_START: "2026-11-23T10:00:00+03:00" });
    expect(await pinnedInProduction.exited).toBe(1);
    expect(pinnedInProduction.output.stderr.trim().split("\n")).toHaveLength(1);
    expect(pinnedInProduction.output.stderr).toContain("TEST_CLOCK_START is for tests only");
  });

  it("exits with code 1 when the Bot API refuses the token, without printing it", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-e2e-"));
    server = new BotApiServer("999:other-token", BOT_INFO);
    await server.start();
    const run = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: server.url, DATABASE_PATH: join(dir, "db.sqlite") });
    expect(await run.exited).toBe(1);
    expect(run.output.stderr).toContain("BOT_TOKEN");
    expect(run.output.stdout + run.output.stderr).not.toContain(TEST_TOKEN);
  });
});
