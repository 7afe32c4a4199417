// 10,000 button taps through the real bot (API intercepted) next to a bare grammY bot answering the
// same taps in the same run: the cost of our middleware stack, database look-ups and i18n.
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { createHarness } from "../test/support/harness.js";
import { callbackUpdate, privateChat, telegramUser } from "../test/support/updates.js";
import { round, timeMs, type BenchResult } from "./lib.js";

const TAPS = 10_000;
const ROUND = 500;

export async function run(): Promise<BenchResult[]> {
  const h = await createHarness();
  const lead = await h.createTeam();
  const msg = lead.last()!;
  const user = telegramUser(lead.id);
  const chat = privateChat(user);
  // A stale button: our bot looks the person up, resolves their language and answers with a toast.
  const taps: Update[] = Array.from({ length: TAPS }, () =>
    callbackUpdate(user, "zz:stale", { message_id: msg.messageId, chat }, h.clock.now()),
  );
  h.telegram.calls.length = 0;

  // The same intercepted API for both, so only the bots differ.
  const bare = new Bot(h.config.botToken, { botInfo: h.bot.botInfo, client: { fetch: h.telegram.fetch } });
  bare.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: "This button is out of date." }));

  // Warm both up so JIT and caches do not favour the second one measured.
  for (const u of taps.slice(0, 500)) {
    await h.bot.handleUpdate(u);
    await bare.handleUpdate(u);
  }
  // Interleaved in rounds, so a noisy neighbour on a shared machine slows both alike.
  let oursMs = 0;
  let bareMs = 0;
  for (let start = 0; start < TAPS; start += ROUND) {
    const round = taps.slice(start, start + ROUND);
    oursMs += await timeMs(async () => {
      for (const u of round) await h.bot.handleUpdate(u);
    });
    bareMs += await timeMs(async () => {
      for (const u of round) await bare.handleUpdate(u);
    });
    h.telegram.calls.length = 0;
  }
  h.close();
  const ours = TAPS / (oursMs / 1000);
  const bareRate = TAPS / (bareMs / 1000);
  return [
    { name: "updates.taps_per_s", value: round(ours, 0), unit: "taps/s", baseline: round(bareRate, 0), ratio: round(ours / bareRate, 3) },
    { name: "updates.ratio_vs_bare_grammy", value: round(ours / bareRate, 3), unit: "ratio" },
  ];
}
