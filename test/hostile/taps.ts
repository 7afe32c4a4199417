// One tap with forged or foreign data, and everything that must hold after it.
import type { Chat } from "grammy/types";
import { expect } from "vitest";
import type { Harness, Persona } from "../support/harness.js";
import { expectUnchanged, OTHER_TEAM_WORDS, snapshot, telegramPayloadProblems } from "./support.js";

export interface TapOutcome {
  /** The toast text ("" when the tap was answered silently). */
  toast: string;
  /** Texts the bot sent or edited in the tapper's chat because of the tap. */
  texts: string[];
}

const outbox = (h: Harness) => (h.db.$client.prepare("SELECT COUNT(*) AS n FROM notifications").get() as { n: number }).n;

/**
 * Taps `data` as `who` on the newest message of their chat (or message 1 if they have none) and checks:
 * answered exactly once; a toast or a message tells the person something; no error log; the database
 * unchanged (rows and contents) and nobody else messaged; every text valid Telegram HTML; and, for a
 * team-1 tapper, not a word about team 2.
 */
export interface RefusalOptions {
  /** Words the person must not see (another team's names); default: team 2's. */
  words?: string[];
  /** Where it happens; default: the person's private chat. */
  chat?: Chat;
}

export async function tapRefused(h: Harness, who: Persona, data: string, options: RefusalOptions = {}): Promise<TapOutcome> {
  const before = snapshot(h.db);
  const queued = outbox(h);
  const errors = h.errors().length;
  const from = h.calls().length;
  const chat = options.chat ?? who.chat;
  const target = h.chat(chat.id).at(-1) ?? { messageId: 1, chatId: chat.id };
  await who.tap(data, { messageId: target.messageId, chatId: chat.id }, chat);

  const calls = h.calls().slice(from);
  const answers = calls.filter((c) => c.method === "answerCallbackQuery");
  expect(answers, `taps are answered exactly once (${data})`).toHaveLength(1);
  const toast = String(answers[0]!.payload.text ?? "");
  const texts = calls
    .filter((c) => Number(c.payload.chat_id) === chat.id && (c.payload.text !== undefined || c.payload.caption !== undefined))
    .map((c) => String(c.payload.text ?? c.payload.caption));
  expect(toast !== "" || texts.length > 0, `the person is told something (${data})`).toBe(true);
  checkAfter(h, { before, queued, errors, from, label: data, seen: [toast, ...texts].join("\n"), words: options.words ?? OTHER_TEAM_WORDS });
  return { toast, texts };
}

/**
 * Sends a command (or any text) that must be refused or answered without touching anything: a polite
 * reply in that chat, the database and the outbox unchanged, no error log, valid HTML, no foreign words.
 */
export async function sendRefused(h: Harness, who: Persona, text: string, options: RefusalOptions = {}): Promise<string> {
  const before = snapshot(h.db);
  const queued = outbox(h);
  const errors = h.errors().length;
  const from = h.calls().length;
  const chat = options.chat ?? who.chat;
  await who.send(text, chat);
  const texts = h
    .calls()
    .slice(from)
    .filter((c) => Number(c.payload.chat_id) === chat.id && c.payload.text !== undefined)
    .map((c) => String(c.payload.text));
  expect(texts.length, `a reply to ${text}`).toBeGreaterThan(0);
  const seen = texts.join("\n");
  checkAfter(h, { before, queued, errors, from, label: text, seen, words: options.words ?? OTHER_TEAM_WORDS });
  return seen;
}

function checkAfter(h: Harness, c: { before: ReturnType<typeof snapshot>; queued: number; errors: number; from: number; label: string; seen: string; words: string[] }) {
  expect(h.errors().slice(c.errors)).toEqual([]);
  expectUnchanged(h.db, c.before);
  expect(outbox(h), `nobody else is messaged (${c.label})`).toBe(c.queued);
  expect(telegramPayloadProblems(h.calls().slice(c.from))).toEqual([]);
  for (const word of c.words) expect(c.seen, `no foreign word (${c.label})`).not.toContain(word);
}
