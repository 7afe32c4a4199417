// The built bot as a real process against BotApiServer, with simulated people who read their chats and
// tap buttons, as in Telegram. Used by the end-to-end and crash-safety tests.
import { spawn, type ChildProcess } from "node:child_process";
import type { Chat, User } from "grammy/types";
import type { BotApiServer, RecordedCall } from "./bot-api-server.js";
import { built, repoRoot } from "./built.js";
import { clockStartingAt } from "../../src/platform/clock.js";
import { TEST_TOKEN } from "./harness.js";
import { callbackUpdate, documentUpdate, privateChat, telegramUser, textUpdate } from "./updates.js";


/**
 * The day every bot and job process of a test lives on: a Monday morning in Moscow, whatever the machine's
 * date (TEST_CLOCK_START). The test's own dates come from here too, so both sides agree.
 */
export const PROCESS_CLOCK_START = "2026-11-23T10:00:00+03:00";

/** The clock the test shares with its processes: starts at PROCESS_CLOCK_START and runs at the real pace. */
export const processClock = clockStartingAt(new Date(PROCESS_CLOCK_START));

/** What every child gets: the pinned clock, and the test's own time zone so nothing differs but the process. */
function childEnv(server: BotApiServer, databasePath: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    LOG_LEVEL: "warn",
    BOT_TOKEN: TEST_TOKEN,
    BOT_API_ROOT: server.url,
    DATABASE_PATH: databasePath,
    TEST_CLOCK_START: processClock.now().toISOString(),
    ...env,
  };
}

/** Ids of the files people send in a test: unique in the run, the same on every run. */
let fileCounter = 0;

export interface BotProcess {
  proc: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

export function startBotProcess(server: BotApiServer, databasePath: string, env: Record<string, string> = {}): BotProcess {
  const output = { stdout: "", stderr: "" };
  const proc = spawn(process.execPath, [built("dist/main.js")], {
    cwd: repoRoot,
    env: childEnv(server, databasePath, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (output.stdout += d));
  proc.stderr!.on("data", (d) => (output.stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, output, exited };
}

/**
 * Runs `npm run job -- <name>`-equivalent with the built code, against the same database and Bot API.
 * Asynchronous on purpose: the Bot API it talks to lives in this very process.
 */
export function runJobProcess(server: BotApiServer, databasePath: string, args: string[], env: Record<string, string> = {}) {
  return startJobProcess(server, databasePath, args, env).done;
}

export function startJobProcess(server: BotApiServer, databasePath: string, args: string[], env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, [built("dist/cli/job.js"), ...args], {
    cwd: repoRoot,
    env: childEnv(server, databasePath, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  proc.stdout!.on("data", (d) => (stdout += d));
  proc.stderr!.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => proc.kill("SIGKILL"), 60_000);
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    proc.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ status: code, stdout, stderr });
    }),
  );
  return { proc, done };
}

const messageMethods = new Set(["sendMessage", "sendDocument", "sendPhoto"]);

export interface ShownMessage {
  messageId: number;
  text: string;
  buttons: { text: string; data?: string }[];
  call: RecordedCall;
}

/** What a chat shows now: the bot's messages with edits applied. */
export function chatView(server: BotApiServer, chatId: number): ShownMessage[] {
  const shown = new Map<number, ShownMessage>();
  server.calls.forEach((call, index) => {
    if (Number(call.payload.chat_id) !== chatId) return;
    const p = call.payload;
    if (messageMethods.has(call.method)) {
      const id = Number(call.result?.message_id ?? index);
      shown.set(id, { messageId: id, text: String(p.text ?? p.caption ?? ""), buttons: buttonsOf(p.reply_markup), call });
    } else if (call.method === "editMessageText" || call.method === "editMessageReplyMarkup") {
      const m = shown.get(Number(p.message_id));
      if (!m) return;
      if (p.text !== undefined) m.text = String(p.text);
      m.buttons = buttonsOf(p.reply_markup);
    }
  });
  return [...shown.values()];
}

function buttonsOf(markup: unknown): ShownMessage["buttons"] {
  const parsed = typeof markup === "string" ? JSON.parse(markup) : markup;
  const rows = (parsed as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().map((b) => ({ text: b.text, ...(b.callback_data ? { data: b.callback_data } : {}) }));
}

export class SimUser {
  readonly user: User;
  readonly dm: Chat;
  constructor(
    readonly server: BotApiServer,
    id: number,
    options: Partial<User> = {},
  ) {
    this.user = telegramUser(id, options);
    this.dm = privateChat(this.user);
  }

  /** Sends text and waits until the bot has said something new in that chat. */
  async say(text: string, chat: Chat = this.dm): Promise<ShownMessage> {
    const before = this.server.calls.length;
    this.server.push(textUpdate(this.user, text, chat, processClock.now()));
    return this.nextIn(chat.id, before);
  }

  async sendFile(fileName: string, bytes: Buffer, chat: Chat = this.dm): Promise<ShownMessage> {
    const fileId = `f${++fileCounter}`;
    this.server.addFile(fileId, bytes);
    const before = this.server.calls.length;
    this.server.push(documentUpdate(this.user, chat, { fileId, fileName, size: bytes.length }, processClock.now()));
    return this.nextIn(chat.id, before);
  }

  /** Taps the newest button whose label matches, and waits for the bot's reaction in the chat. */
  async tap(label: string | RegExp, chat: Chat = this.dm): Promise<ShownMessage | undefined> {
    const messages = chatView(this.server, chat.id);
    for (let i = messages.length - 1; i >= 0; i--) {
      const msg = messages[i]!;
      const button = msg.buttons.find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)));
      if (!button?.data) continue;
      const before = this.server.calls.length;
      this.server.push(callbackUpdate(this.user, button.data, { message_id: msg.messageId, chat }, processClock.now()));
      await this.server.waitForAfter(before, (c) => c.method === "answerCallbackQuery" || Number(c.payload.chat_id) === chat.id);
      await settle(this.server);
      return chatView(this.server, chat.id).at(-1);
    }
    throw new Error(`no button ${String(label)} in chat ${chat.id}: ${JSON.stringify(messages.flatMap((m) => m.buttons.map((b) => b.text)).slice(-20))}`);
  }

  messages(chat: Chat = this.dm): ShownMessage[] {
    return chatView(this.server, chat.id);
  }

  private async nextIn(chatId: number, before: number): Promise<ShownMessage> {
    await this.server.waitForAfter(before, (c) => Number(c.payload.chat_id) === chatId && (messageMethods.has(c.method) || c.method.startsWith("edit")));
    await settle(this.server);
    return chatView(this.server, chatId).at(-1)!;
  }
}

/**
 * Waits until the bot has made no call for `quietMs`: its reaction to the last update is complete. Driven
 * by the server's call events (each call restarts the quiet period), not by polling.
 */
export function settle(server: BotApiServer, quietMs = 250, maxMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    let quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
    const unsubscribe = server.onCall(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    function done() {
      clearTimeout(quiet);
      clearTimeout(limit);
      unsubscribe();
      resolve();
    }
  });
}
