// Nags: the reminders that keep the work moving (unassigned clients, deadlines, overdue calls, checklist
// steps due, people the bot cannot reach). Their buttons open other capabilities' flows.
import type { Capability } from "../bot/capability.js";
import { checklistNag } from "./checklist-nag-job.js";
import { deadlineNag } from "./deadline-nag-job.js";
import { overdueCallsNag } from "./overdue-calls-nag-job.js";
import { unassignedNag } from "./unassigned-nag-job.js";
import { unreachableNag } from "./unreachable-nag-job.js";

export const nags: Capability = {
  name: "nags",
  features: [],
  jobs: [unassignedNag, deadlineNag, overdueCallsNag, checklistNag, unreachableNag],
};
