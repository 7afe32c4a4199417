import type { Conversation } from "@grammyjs/conversations";
import type { InlineKeyboard } from "grammy";
import { randomUUID } from "node:crypto";
import type { BotContext, ConvContext } from "../context.js";
import { focusKey, hasFocus, releaseFocus, takeFocus } from "./focus.js";

export type Conv = Conversation<BotContext, ConvContext>;

/** A dialogue's buttons: every data string under `scope` is the dialogue's, read back with `decode`. */
export interface DialogueButtons<T> {
  /** `off:c`: the dialogue takes taps on `off:c` and `off:c:…`. */
  readonly scope: string;
  decode(data: string | undefined): T | null;
}

/** A tap is decoded with the dialogue's codecs: `tap` is null for data they did not write (forged, old). */
export type Answer<T = unknown> =
  | { kind: "button"; tap: T | null; ctx: ConvContext }
  | { kind: "text"; text: string; ctx: ConvContext };

const commandPattern = /^\/([a-z0-9_]+)(@\w+)?(\s|$)/i;

/**
 * Waits for the next answer of the person who started the conversation: a tap on one of this
 * conversation's buttons (data under `buttons.scope`) or a typed text. Everything else — other people
 * in a group, other buttons (call cards, nags, checklists), files, other commands — is passed on to the
 * rest of the bot untouched, so an open dialogue never swallows updates it does not wait for.
 * `/cancel` ends the dialogue; nothing the conversation has not written yet is written.
 * `claim` lets a dialogue take a command of its own as a text answer (e.g. `/offboard` typed again
 * restarts the open /offboard dialogue instead of opening a second one beside it).
 */
export async function waitAnswer<T>(conversation: Conv, starterId: number, buttons: DialogueButtons<T>, claim?: (text: string) => boolean): Promise<Answer<T>> {
  const token = await dialogueToken(conversation);
  const key = await conversation.external((c) => focusKey(c.chat?.id ?? starterId, starterId));
  await conversation.external((c) => takeFocus(c.deps.db, key, token, c.deps.clock.now().getTime()));
  const ctx = await conversation.wait();
  if (ctx.from?.id !== starterId) return conversation.skip({ next: true });

  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    if (data !== buttons.scope && !data.startsWith(`${buttons.scope}:`)) return conversation.skip({ next: true });
    await conversation.external((c) => releaseFocus(c.deps.db, key, token));
    await ctx.answerCallbackQuery().catch(() => undefined);
    return { kind: "button", tap: buttons.decode(data), ctx };
  }

  const text = ctx.message?.text;
  if (text === undefined) return conversation.skip({ next: true });
  const command = commandPattern.exec(text)?.[1]?.toLowerCase();
  if (command !== undefined && command !== "cancel" && !claim?.(text)) return conversation.skip({ next: true });
  // Typed text and /cancel belong to the dialogue that asked last.
  if (!(await conversation.external((c) => hasFocus(c.deps.db, key, token, c.deps.clock.now().getTime())))) return conversation.skip({ next: true });
  await conversation.external((c) => releaseFocus(c.deps.db, key, token));
  if (command === "cancel") {
    await ctx.reply(ctx.t("dialog-cancelled"), { reply_markup: { remove_keyboard: true } });
    return conversation.halt();
  }
  return { kind: "text", text: text.trim(), ctx };
}

/**
 * "Now" inside a dialogue: the team's injected clock, read through `external` so a replay sees the same
 * instant. Never `conversation.now()` (that is the machine's real time, not the clock the rest of the bot uses).
 */
export async function clockNow(conversation: Conv): Promise<Date> {
  return new Date(await conversation.external((c) => c.deps.clock.now().getTime()));
}

const tokens = new WeakMap<Conv, Promise<string>>();

/** One id per open dialogue, the same on every replay (it is recorded by `external`). */
function dialogueToken(conversation: Conv): Promise<string> {
  let token = tokens.get(conversation);
  if (!token) {
    token = conversation.external(() => randomUUID());
    tokens.set(conversation, token);
  }
  return token;
}

/** Asks until `interpret` accepts the answer; a refusal explains itself and the question is asked again. */
export async function askUntil<T, B>(
  conversation: Conv,
  ctx: ConvContext,
  question: { text: string; keyboard?: InlineKeyboard; buttons: DialogueButtons<B>; claim?: (text: string) => boolean },
  interpret: (answer: Answer<B>) => Promise<{ ok: true; value: T } | { ok: false; error: string }>,
): Promise<{ value: T; ctx: ConvContext }> {
  const starterId = ctx.from!.id;
  await ctx.reply(question.text, question.keyboard ? { reply_markup: question.keyboard } : {});
  for (;;) {
    const answer = await waitAnswer(conversation, starterId, question.buttons, question.claim);
    const result = await interpret(answer);
    if (result.ok) return { value: result.value, ctx: answer.ctx };
    await answer.ctx.reply(result.error, question.keyboard ? { reply_markup: question.keyboard } : {});
  }
}
