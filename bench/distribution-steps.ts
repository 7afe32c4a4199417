// The stepped apply and follow-up a tap runs, through the rules (50,000 clients, the new owners' messages
// included), each step's CPU time measured between its yields: the longest synchronous stretch the event
// loop can see from them, counted in CPU time, so a loaded machine's waits for a core do not count.
import { rmSync } from "node:fs";
import { createI18n } from "../src/bot/i18n.js";
import { closeDatabase } from "../src/db/client.js";
import { applyInSteps } from "../src/distribution/apply.js";
import { followUpInSteps } from "../src/distribution/followup.js";
import { distributionNotifier } from "../src/distribution/notices.js";
import { proposeForHandover } from "../src/distribution/propose.js";
import { nextTurn } from "../src/distribution/steps.js";
import { buildWorld } from "./distribution.bench.js";

export interface StepRun {
  steps: number;
  maxStepCpuMs: number;
  medianStepCpuMs: number;
}

export async function stepCpu(clients: number, now: Date): Promise<StepRun> {
  const w = buildWorld(clients);
  const proposed = proposeForHandover(w.db, { teamId: w.teamId, handoverId: w.handoverId, actorId: w.leadId, now });
  if (!proposed.ok) throw new Error(`no proposal: ${proposed.reason}`);
  const cpu: number[] = [];
  let last = process.cpuUsage();
  const pause = async () => {
    const used = process.cpuUsage(last);
    cpu.push((used.user + used.system) / 1000);
    await nextTurn();
    last = process.cpuUsage();
  };
  const distributionId = proposed.view.distributionId;
  const lastStep = () => {
    const used = process.cpuUsage(last);
    cpu.push((used.user + used.system) / 1000);
  };
  const applied = await applyInSteps(w.db, { distributionId, teamId: w.teamId, actorId: w.leadId, now }, pause);
  lastStep(); // the finish, after the last yield
  if (applied.kind !== "applied") throw new Error(`not applied: ${applied.kind}`);
  const notifier = distributionNotifier(w.db, createI18n(() => "ru"));
  last = process.cpuUsage();
  const followed = await followUpInSteps(w.db, { distributionId, now, notifier, pause });
  lastStep();
  if (followed.kind !== "done") throw new Error(`follow-up: ${followed.kind}`);
  closeDatabase(w.db);
  rmSync(w.dir, { recursive: true, force: true });
  const sorted = [...cpu].sort((a, b) => a - b);
  return { steps: cpu.length, maxStepCpuMs: sorted.at(-1)!, medianStepCpuMs: sorted[Math.floor(sorted.length / 2)]! };
}
