// The test bench every feature test stands on: the real bot from createBot(), a private database with
// the real migrations, a hand-moved clock, and a pretend Telegram that records what the bot says.
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import type { Chat, InlineKeyboardMarkup, Update, User, UserFromGetMe } from "grammy/types";
import { pino } from "pino";
import { vi } from "vitest";
import type { Config } from "../../src/platform/config.js";
import { createBot, type HandoverBot } from "../../src/bot/index.js";
import { closeDatabase, openDatabase, } from "../../src/db/client.js";
import { teams, users } from "../../src/db/schema.js";
import { leadsOf } from "../../src/team/teams.js";
import { drainOutbox } from "../../src/outbox/sender.js";
import { deliveryHooks } from "../../src/background.js";
import { createScheduler, runJobNow } from "../../src/jobs/scheduler.js";
import { ManualClock } from "./clock.js";
import { FakeTelegram, type ApiCall } from "./fake-telegram.js";
import {
  callbackUpdate,
  documentUpdate,
  groupChat,
  myChatMemberUpdate,
  photoUpdate,
  privateChat,
  telegramUser,
  textUpdate,
} from "./updates.js";

export const TEST_TOKEN = "123456:TEST-token-never-real";
export const BOT_INFO = {
  id: 123456,
  is_bot: true as const,
  first_name: "Handover",
  username: "handover_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

/** A message as the chat shows it now: the bot's edits applied. */
export interface ShownMessage {
  chatId: number;
  messageId: number;
  text: string;
  buttons: { text: string; data?: string; url?: string }[][];
  document?: { name: string; bytes: Buffer };
  method: string;
}

export interface HarnessOptions {
  now?: string;
  config?: Partial<Config>;
  databasePath?: string;
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export async function createHarness(options: HarnessOptions = {}) {
  const clock = new ManualClock(options.now);
  const db = openDatabase(options.databasePath ?? ":memory:");
  const telegram = new FakeTelegram(TEST_TOKEN, BOT_INFO, () => clock.now());
  const logs: Record<string, any>[] = [];
  const logger = pino(
    { level: "warn" },
    new Writable({
      write(chunk, _enc, done) {
        logs.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const config: Config = {
    botToken: TEST_TOKEN,
    databasePath: ":memory:",
    apiRoot: "http://bot-api.test",
    defaultTimezone: "Europe/Moscow",
    logLevel: "warn",
    backup: { hour: 3, keep: 14 },
    ...options.config,
  };
  const deps = { db, clock, logger, fetch: telegram.fetch, botInfo: BOT_INFO };
  let bot: HandoverBot = createBot(config, deps);

  const h = {
    bot,
    db,
    clock,
    telegram,
    config,
    deps,
    logs,
    /** Log entries at error level or worse: a passing flow should leave none. */
    errors: () => logs.filter((l) => l.level >= 50),

    async handle(update: Update) {
      await h.bot.handleUpdate(update);
    },

    /** Builds a fresh bot on the same database, as a restarted process would. */
    restart() {
      bot = createBot(config, deps);
      h.bot = bot;
    },

    /**
     * A restart that also loses what the process kept in memory: the bot's modules are loaded afresh
     * (module-level state gone), the database stays.
     */
    async restartProcess() {
      vi.resetModules();
      const fresh = (await import("../../src/bot/index.js")) as { createBot: typeof createBot };
      bot = fresh.createBot(config, deps);
      h.bot = bot;
    },

    calls(method?: string): ApiCall[] {
      return method ? telegram.calls.filter((c) => c.method === method) : telegram.calls;
    },

    /** What a chat shows: every message the bot sent there, edits applied, oldest first. */
    chat(chatId: number): ShownMessage[] {
      const shown = new Map<number, ShownMessage>();
      for (const call of telegram.calls) {
        const p = call.payload;
        if (Number(p.chat_id) !== chatId || call.error) continue;
        if (call.method === "sendMessage" || call.method === "sendDocument" || call.method === "sendPhoto") {
          const messageId = Number(call.result.message_id);
          const doc = call.files.document;
          shown.set(messageId, {
            chatId,
            messageId,
            text: String(p.text ?? p.caption ?? ""),
            buttons: keyboardOf(p.reply_markup),
            ...(doc ? { document: doc } : {}),
            method: call.method,
          });
        } else if (call.method === "editMessageText" || call.method === "editMessageReplyMarkup") {
          const msg = shown.get(Number(p.message_id));
          if (!msg) continue;
          if (p.text !== undefined) msg.text = String(p.text);
          msg.buttons = keyboardOf(p.reply_markup);
        } else if (call.method === "deleteMessage") {
          shown.delete(Number(p.message_id));
        }
      }
      return [...shown.values()];
    },

    user(id: number, options: Partial<User> = {}) {
      return persona(h, telegramUser(id, options));
    },

    group(id = -1001234567890, title?: string) {
      const chat = groupChat(id, title);
      return { chat, id, messages: () => h.chat(id), last: () => h.chat(id).at(-1) };
    },

    /** The team row, for the current invite tokens and settings. */
    team(teamId = 1) {
      const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
      if (!team) throw new Error(`no team ${teamId}`);
      return team;
    },

    /** Creates a team through the real dialogue and returns its lead. */
    async createTeam(leadId = 100, name = "Отдел продаж", leadOptions: Partial<User> = { first_name: "Анна" }) {
      const lead = h.user(leadId, leadOptions);
      await lead.send("/start");
      await lead.tapButton(/Создать команду|Create a team/);
      await lead.send(name);
      await lead.tapButton("Europe/Moscow");
      return lead;
    },

    /** A person opening the team's manager (or lead) invite link; a co-lead's request is accepted by the first lead. */
    async join(id: number, role: "manager" | "lead" = "manager", options: Partial<User> = {}, teamId = 1) {
      const person = h.user(id, options);
      const team = h.team(teamId);
      await person.send(`/start ${role === "lead" ? team.leadInviteToken : team.managerInviteToken}`);
      if (role === "lead") {
        await h.drainOutbox(); // the request reaches the leads through the outbox
        await h.leadOf(teamId).tapButton(/Принять|Accept/);
        await h.drainOutbox();
      }
      return person;
    },

    /** The team's first lead as a persona (same name and language as stored). */
    leadOf(teamId = 1) {
      const lead = leadsOf(db, teamId).find((m) => m.telegramId !== null);
      if (!lead) throw new Error(`no lead in team ${teamId}`);
      const stored = db.select().from(users).where(eq(users.telegramId, lead.telegramId!)).get();
      return h.user(lead.telegramId!, {
        first_name: stored?.firstName ?? lead.name,
        ...(stored?.username ? { username: stored.username } : {}),
        ...(stored?.languageCode ? { language_code: stored.languageCode } : {}),
      });
    },

    /** Sends what the outbox holds, as the background sender would. */
    async drainOutbox() {
      return drainOutbox({ db, api: h.bot.api, clock, logger, hooks: deliveryHooks({ db, logger, i18n: h.bot.i18n, botUsername: BOT_INFO.username }) });
    },

    /** Runs one scheduled job now (as `npm run job` does), for every team or one; returns messages enqueued. */
    runJob: (name: string, teamId?: number) => runJobNow({ db, clock, logger, config, i18n: h.bot.i18n, botUsername: BOT_INFO.username }, name, teamId === undefined ? {} : { teamId }).enqueued,
    /** One cron tick at the clock's time: runs every job whose slot is due and not yet run. */
    tick: () => createScheduler({ db, clock, logger, config, i18n: h.bot.i18n, botUsername: BOT_INFO.username }).tick(clock.now()),

    close() {
      closeDatabase(db);
    },
  };
  return h;
}

export type Persona = ReturnType<typeof persona>;

function persona(h: { handle(u: Update): Promise<void>; clock: ManualClock; chat(id: number): ShownMessage[]; calls(m?: string): ApiCall[]; telegram: FakeTelegram }, user: User) {
  const dm = privateChat(user);
  let fileSeq = 0;
  const myTaps = new Set<string>();
  const tap = (update: Update) => {
    myTaps.add(update.callback_query!.id);
    return h.handle(update);
  };
  const p = {
    user,
    id: user.id,
    chat: dm as Chat,
    async send(text: string, chat: Chat = dm) {
      await h.handle(textUpdate(user, text, chat, h.clock.now()));
    },
    /** Taps raw callback data on a message (by default the last one in the chat): forged data too. */
    async tap(data: string, message?: { messageId: number; chatId?: number }, chat: Chat = dm) {
      const target = message ?? h.chat(chat.id).at(-1);
      if (!target) throw new Error("nothing to tap on");
      const targetChat = target.chatId !== undefined && target.chatId !== chat.id ? { ...chat, id: target.chatId } : chat;
      await tap(callbackUpdate(user, data, { message_id: target.messageId, chat: targetChat }, h.clock.now()));
    },
    /** Finds the newest message in the chat with a button whose label matches, and taps it. */
    async tapButton(label: string | RegExp, chat: Chat = dm) {
      const messages = h.chat(chat.id);
      for (let i = messages.length - 1; i >= 0; i--) {
        const msg = messages[i]!;
        const button = msg.buttons.flat().find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)));
        if (button?.data) {
          await tap(callbackUpdate(user, button.data, { message_id: msg.messageId, chat }, h.clock.now()));
          return msg;
        }
      }
      const seen = messages.flatMap((m) => m.buttons.flat().map((b) => b.text));
      throw new Error(`no button "${String(label)}" in chat ${chat.id}; buttons seen: ${JSON.stringify(seen.slice(-30))}`);
    },
    async sendDocument(fileName: string | undefined, bytes: Buffer, extra: { mimeType?: string; size?: number; caption?: string } = {}, chat: Chat = dm) {
      const fileId = `file-${user.id}-${++fileSeq}`;
      h.telegram.addFile(fileId, bytes);
      await h.handle(
        documentUpdate(user, chat, { fileId, ...(fileName !== undefined ? { fileName } : {}), size: extra.size ?? bytes.length, ...extra }, h.clock.now()),
      );
    },
    async sendPhoto(chat: Chat = dm) {
      await h.handle(photoUpdate(user, chat, h.clock.now()));
    },
    async block() {
      h.telegram.blockedChats.add(user.id);
      await h.handle(myChatMemberUpdate(user, "kicked", h.clock.now()));
    },
    /** Messages the bot shows in this person's private chat. */
    messages: () => h.chat(user.id),
    last: () => h.chat(user.id).at(-1),
    lastText: () => h.chat(user.id).at(-1)?.text ?? "",
    /** Toasts (answerCallbackQuery texts) this person saw, oldest first. */
    toasts: () =>
      h
        .calls("answerCallbackQuery")
        .filter((c) => myTaps.has(String(c.payload.callback_query_id)) && c.payload.text !== undefined)
        .map((c) => String(c.payload.text)),
  };
  return p;
}

function keyboardOf(markup: unknown): ShownMessage["buttons"] {
  const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
  if (!rows) return [];
  return rows.map((row) =>
    row.map((b) => ({
      text: b.text,
      ...("callback_data" in b && b.callback_data !== undefined ? { data: b.callback_data } : {}),
      ...("url" in b && b.url !== undefined ? { url: b.url } : {}),
    })),
  );
}
