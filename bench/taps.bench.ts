// Four taps users make all day, through the real bot on a realistic team (bench/tap-world.ts), each next
// to a bare grammY bot answering the same tap with answerCallbackQuery + editMessageText of the text our
// bot produced for it: opening a call card, "no answer" on it, paging /today, confirming a checklist step.
// Rounds interleaved (ours, then bare), ratio = bare ms / our ms per round, median of the rounds.
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { callbackUpdate, privateChat, telegramUser } from "../test/support/updates.js";
import { round, type BenchResult } from "./lib.js";
import { buildTapWorld, LEAD_TELEGRAM_ID, type TapWorld } from "./tap-world.js";

const ROUNDS = 5;
const TAPS_PER_ROUND = 200;
const WARM_UP = 100;

interface Scenario {
  name: string;
  /** The i-th tap's callback data. */
  data(i: number): string;
  /** Untimed, after each of our taps: puts the world back so the next tap does the same work. */
  reset?(i: number): void;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function scenarios(w: TapWorld): Scenario[] {
  const q = w.h.db.$client;
  const reopen = q.prepare(`UPDATE checklist_steps SET status = 'open', completed_at = NULL, completed_by_id = NULL WHERE id = ?`);
  // Outcome taps move through the open calls so each tap records a first "no answer" on a fresh call.
  let outcomeNext = 0;
  return [
    { name: "taps.card_ratio", data: (i) => `call:o:${w.openCalls[i % w.openCalls.length]}` },
    { name: "taps.outcome_ratio", data: () => `call:a:${w.openCalls[outcomeNext++ % w.openCalls.length]}:n` },
    { name: "taps.today_ratio", data: (i) => `today:p:${i % 2}` },
    {
      name: "taps.checklist_ratio",
      data: (i) => `chk:d:${w.handoverId}:${w.manualSteps[i % w.manualSteps.length]}`,
      reset: (i) => reopen.run(w.manualSteps[i % w.manualSteps.length]!),
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const w = await buildTapWorld();
  const { h } = w;
  const user = telegramUser(LEAD_TELEGRAM_ID, { first_name: "Анна" });
  const chat = privateChat(user);
  const tap = (data: string) => callbackUpdate(user, data, { message_id: w.checklistMessageId, chat }, h.clock.now());

  const results: BenchResult[] = [];
  // TAPS_ONLY=outcome narrows the run to one tap (for profiling).
  for (const s of scenarios(w).filter((x) => !process.env.TAPS_ONLY || x.name.includes(process.env.TAPS_ONLY))) {
    // The text and keyboard our bot answered with, for the bare bot to send back.
    let shown: { text: string; markup: unknown } = { text: "", markup: undefined };
    const bare = new Bot(h.config.botToken, { botInfo: h.bot.botInfo, client: { fetch: h.telegram.fetch } });
    bare.on("callback_query", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(shown.text, shown.markup ? { reply_markup: shown.markup as never } : {});
    });
    let i = 0;
    const ours = async (): Promise<number> => {
      const u: Update = tap(s.data(i));
      const start = process.hrtime.bigint();
      await h.bot.handleUpdate(u);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      s.reset?.(i);
      i++;
      return ms;
    };
    const bareTap = async (): Promise<number> => {
      const u = tap("x");
      const start = process.hrtime.bigint();
      await bare.handleUpdate(u);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    for (let k = 0; k < WARM_UP; k++) await ours();
    const texts = h.telegram.calls.filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && typeof c.payload.text === "string");
    const last = texts.at(-1);
    if (!last) throw new Error(`${s.name}: our bot showed nothing`);
    shown = { text: String(last.payload.text), markup: last.payload.reply_markup };
    for (let k = 0; k < WARM_UP; k++) await bareTap();

    const ratios: number[] = [];
    const oursRates: number[] = [];
    const bareRates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      h.telegram.calls.length = 0;
      let oursMs = 0;
      let bareMs = 0;
      for (let k = 0; k < TAPS_PER_ROUND; k++) oursMs += await ours();
      for (let k = 0; k < TAPS_PER_ROUND; k++) bareMs += await bareTap();
      ratios.push(bareMs / oursMs);
      oursRates.push(TAPS_PER_ROUND / (oursMs / 1000));
      bareRates.push(TAPS_PER_ROUND / (bareMs / 1000));
    }
    const errors = h.errors();
    if (errors.length > 0) throw new Error(`${s.name}: ${errors.length} errors logged, e.g. ${JSON.stringify(errors[0])}`);
    console.error(`${s.name}: ${round(median(oursRates), 0)} taps/s vs bare ${round(median(bareRates), 0)} taps/s; text ${shown.text.length} chars`);
    results.push({ name: s.name, value: round(median(ratios), 3), unit: "ratio", baseline: round(median(bareRates), 0), ratio: round(median(ratios), 3) });
  }
  w.close();
  return results;
}
