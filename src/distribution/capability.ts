// Distribution: /distribute and the checklist's "redistribute", the table (apply, adjust, take them,
// cancel, undo), and the follow-up a crash interrupted, finished on every scheduler tick.
import type { Capability } from "../bot/capability.js";
import { DIST_DIALOG_TIMEOUT_MS, distributeAdjustConversation, distributeAdjustId } from "./adjust-dialogue.js";
import { distributionFollowUps } from "./jobs.js";
import { distributionFeature } from "./telegram.js";

export const distribution: Capability = {
  name: "distribution",
  features: [distributionFeature],
  dialogues: [{ id: distributeAdjustId, builder: distributeAdjustConversation, maxMillisecondsToWait: DIST_DIALOG_TIMEOUT_MS }],
  buttons: ["dist"],
  sweeps: [distributionFollowUps],
  menu: [{ command: "distribute", menus: ["lead"], position: 50 }],
};
