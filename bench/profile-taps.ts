// Profiles one tap of the taps bench through the real bot: `npx tsx bench/profile-taps.ts card [taps]`
// writes taps-<name>.cpuprofile (only the taps, not the world's building) to the working folder.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { callbackUpdate, privateChat, telegramUser } from "../test/support/updates.js";
import { buildTapWorld, LEAD_TELEGRAM_ID } from "./tap-world.js";

const which = process.argv[2] ?? "card";
const taps = Number(process.argv[3] ?? 3000);
const w = await buildTapWorld();
const { h } = w;
const user = telegramUser(LEAD_TELEGRAM_ID, { first_name: "Анна" });
const chat = privateChat(user);
const q = h.db.$client;
const reopen = q.prepare(`UPDATE checklist_steps SET status = 'open', completed_at = NULL, completed_by_id = NULL WHERE id = ?`);
let outcomeNext = 0;
const data = (i: number): string => {
  if (which === "stale") return "zz:stale";
  if (which === "card") return `call:o:${w.openCalls[i % w.openCalls.length]}`;
  if (which === "outcome") return `call:a:${w.openCalls[outcomeNext++ % w.openCalls.length]}:n`;
  if (which === "today") return `today:p:${i % 2}`;
  return `chk:d:${w.handoverId}:${w.manualSteps[i % w.manualSteps.length]}`;
};
const tap = async (i: number) => {
  await h.bot.handleUpdate(callbackUpdate(user, data(i), { message_id: w.checklistMessageId, chat }, h.clock.now()));
  if (which === "checklist") reopen.run(w.manualSteps[i % w.manualSteps.length]!);
  if (i % 500 === 0) h.telegram.calls.length = 0;
};
for (let i = 0; i < 300; i++) await tap(i);
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const start = process.hrtime.bigint();
for (let i = 300; i < 300 + taps; i++) await tap(i);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const { profile } = await session.post("Profiler.stop");
writeFileSync(`taps-${which}.cpuprofile`, JSON.stringify(profile));
console.error(`${which}: ${(ms / taps).toFixed(3)} ms per tap (profiled); errors ${h.errors().length}`);
w.close();
