// Calls: /today and the daily digest, call cards and their outcomes, and the team's call scripts.
import type { Capability } from "../bot/capability.js";
import { dailyDigest } from "./daily-digest-job.js";
import { CALL_DIALOG_TIMEOUT_MS, callOutcomeConversation, callOutcomeId } from "./outcome-dialogue.js";
import { scriptEditConversation, scriptEditId } from "./script-edit-dialogue.js";
import { scriptFeature } from "./script-telegram.js";
import { callsFeature } from "./telegram.js";

export const calls: Capability = {
  name: "calls",
  features: [callsFeature, scriptFeature],
  dialogues: [
    { id: callOutcomeId, builder: callOutcomeConversation, maxMillisecondsToWait: CALL_DIALOG_TIMEOUT_MS },
    { id: scriptEditId, builder: scriptEditConversation },
  ],
  buttons: ["today", "call", "scr"],
  jobs: [dailyDigest],
  menu: [
    { command: "today", menus: ["manager", "lead"], position: 20 },
    { command: "script", menus: ["lead"], position: 110 },
  ],
};
