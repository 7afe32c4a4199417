// The built bot as an operator meets it: start failures that say what is wrong, a stop that never hangs,
// webhook mode with its secret, and /healthz.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";
import { built } from "../support/built.js";
import { BOT_INFO, TEST_TOKEN } from "../support/harness.js";
import { PROCESS_CLOCK_START } from "../support/process-bot.js";
import { privateChat, telegramUser, textUpdate } from "../support/updates.js";

let server: BotApiServer | undefined;
let silent: Server | undefined;
let dir: string;
const children: ReturnType<typeof spawn>[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  await server?.stop();
  server = undefined;
  silent?.close();
  silent = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function startBot(env: Record<string, string>) {
  dir ??= mkdtempSync(join(tmpdir(), "handover-ops-"));
  const output = { stdout: "", stderr: "" };
  const proc = spawn(process.execPath, [built("dist/main.js")], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", BOT_TOKEN: TEST_TOKEN, DATABASE_PATH: join(dir, "bot.sqlite"), TEST_CLOCK_START: PROCESS_CLOCK_START, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  proc.stdout!.on("data", (d) => (output.stdout += d));
  proc.stderr!.on("data", (d) => (output.stderr += d));
  const started = process.hrtime.bigint();
  const exited = new Promise<{ code: number | null; seconds: number }>((resolve) =>
    proc.on("exit", (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9 })),
  );
  return { proc, output, exited };
}

/** A port nobody listens on. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("start failures say what is wrong, in one line, and exit 1", () => {
  it("nothing listens at BOT_API_ROOT", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-ops-"));
    const root = `http://127.0.0.1:${await freePort()}`;
    const bot = startBot({ BOT_API_ROOT: root });
    const { code, seconds } = await bot.exited;
    expect(code).toBe(1);
    expect(seconds).toBeLessThan(30);
    expect(bot.output.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^Cannot reach the Bot API at ${root}: .*ECONNREFUSED`))]);
    expect(bot.output.stdout + bot.output.stderr).not.toContain(TEST_TOKEN);
  }, 40_000);

  it("the Bot API accepts connections and never answers", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-ops-"));
    silent = createServer(() => undefined); // holds every connection open, says nothing
    await new Promise<void>((r) => silent!.listen(0, "127.0.0.1", () => r()));
    const root = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const bot = startBot({ BOT_API_ROOT: root });
    const { code, seconds } = await bot.exited;
    expect(code).toBe(1);
    expect(seconds).toBeLessThan(30);
    expect(bot.output.stderr.trim()).toBe(`Cannot reach the Bot API at ${root}: no answer within 10 s.`);
  }, 40_000);

  it("another instance is polling with the same token (409)", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-ops-"));
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();
    server.getUpdatesError = { error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" };
    const bot = startBot({ BOT_API_ROOT: server.url });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.output.stderr.trim().split("\n")).toHaveLength(1);
    expect(bot.output.stderr).toContain("Another instance of this bot is receiving its updates (409 Conflict");
    expect(bot.output.stdout + bot.output.stderr).not.toContain(TEST_TOKEN);
  }, 40_000);
});

describe("stopping", () => {
  it("SIGTERM ends the bot within 15 s while the Bot API has gone away", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-ops-"));
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();
    const bot = startBot({ BOT_API_ROOT: server.url });
    const user = telegramUser(4242, { first_name: "Ира" });
    server.push(textUpdate(user, "/start", privateChat(user), new Date(PROCESS_CLOCK_START)));
    await server.waitFor((c) => c.method === "sendMessage");
    await server.stop(); // the endpoint disappears under the running bot
    server = undefined;
    const stopAt = process.hrtime.bigint();
    bot.proc.kill("SIGTERM");
    await bot.exited;
    expect(Number(process.hrtime.bigint() - stopAt) / 1e9).toBeLessThan(15);
  }, 40_000);
});

describe("webhook mode", () => {
  it("registers the webhook with its secret, answers updates posted with it, refuses the others, serves /healthz", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-ops-"));
    server = new BotApiServer(TEST_TOKEN, BOT_INFO);
    await server.start();
    const port = await freePort();
    const secret = "s3cret_for-the-webhook";
    const bot = startBot({ BOT_API_ROOT: server.url, WEBHOOK_URL: "https://bot.example.test/telegram/hook", WEBHOOK_SECRET: secret, PORT: String(port) });
    const registered = await server.waitFor((c) => c.method === "setWebhook");
    expect(registered.payload).toMatchObject({ url: "https://bot.example.test/telegram/hook", secret_token: secret });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`);

    const user = telegramUser(4343, { first_name: "Ира" });
    const post = (update: unknown, headers: Record<string, string>) =>
      fetch(`${base}/telegram/hook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update) });

    const forged = await post(textUpdate(user, "/start", privateChat(user), new Date(PROCESS_CLOCK_START)), {});
    expect(forged.status).toBe(401);
    const wrong = await post(textUpdate(user, "/start", privateChat(user), new Date(PROCESS_CLOCK_START)), { "x-telegram-bot-api-secret-token": "guess" });
    expect(wrong.status).toBe(401);
    expect(server.calls.some((c) => c.method === "sendMessage")).toBe(false);

    const real = await post(textUpdate(user, "/start", privateChat(user), new Date(PROCESS_CLOCK_START)), { "x-telegram-bot-api-secret-token": secret });
    expect(real.status).toBe(200);
    const reply = await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 4343);
    expect(String(reply.payload.text)).toContain("handover-bot");
    expect(server.calls.some((c) => c.method === "getUpdates")).toBe(false);

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { db: string; outbox: { pending: number; failed: number }; lastUpdateAt: string | null };
    expect(body).toMatchObject({ db: "ok", outbox: { pending: 0, failed: 0 } });
    expect(body.lastUpdateAt).not.toBeNull();
    expect((await fetch(`${base}/anything-else`)).status).toBe(404);

    bot.proc.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
  }, 60_000);
});

/** The server is up when it answers; each refusal waits for the next connection attempt, not a timer loop. */
async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setImmediate(r));
    }
  }
  throw new Error(`${url} never answered`);
}
