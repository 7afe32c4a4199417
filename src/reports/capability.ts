// Reports: /report with its pictures, /status of the team's messages, and the leads' weekly picture.
import type { Capability } from "../bot/capability.js";
import { weeklyPicture } from "./charts/weekly-job.js";
import { statusFeature } from "./status-telegram.js";
import { reportFeature } from "./telegram.js";

export const reports: Capability = {
  name: "reports",
  features: [reportFeature, statusFeature],
  buttons: ["st"],
  jobs: [weeklyPicture],
  menu: [
    { command: "report", menus: ["lead", "group"], position: 60 },
    { command: "status", menus: ["lead"], position: 120 },
  ],
};
