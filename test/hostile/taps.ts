// One tap with forged or foreign data, and everything that must hold after it.
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
export async function tapRefused(h: Harness, who: Persona, data: string, options: { leakCheck?: boolean } = {}): Promise<TapOutcome> {
  const before = snapshot(h.db);
  const queued = outbox(h);
  const errors = h.errors().length;
  const from = h.calls().length;
  const target = h.chat(who.id).at(-1) ?? { messageId: 1, chatId: who.id };
  await who.tap(data, { messageId: target.messageId, chatId: who.id });

  const calls = h.calls().slice(from);
  const answers = calls.filter((c) => c.method === "answerCallbackQuery");
  expect(answers, `taps are answered exactly once (${data})`).toHaveLength(1);
  const toast = String(answers[0]!.payload.text ?? "");
  const texts = calls
    .filter((c) => Number(c.payload.chat_id) === who.id && (c.payload.text !== undefined || c.payload.caption !== undefined))
    .map((c) => String(c.payload.text ?? c.payload.caption));
  expect(toast !== "" || texts.length > 0, `the person is told something (${data})`).toBe(true);
  expect(h.errors().slice(errors)).toEqual([]);
  expectUnchanged(h.db, before);
  expect(outbox(h), `nobody else is messaged (${data})`).toBe(queued);
  expect(telegramPayloadProblems(calls)).toEqual([]);
  if (options.leakCheck !== false) {
    const seen = [toast, ...texts].join("\n");
    for (const word of OTHER_TEAM_WORDS) expect(seen, `no word of team 2 (${data})`).not.toContain(word);
  }
  return { toast, texts };
}
