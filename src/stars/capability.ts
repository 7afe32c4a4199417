// De-starring: /stars for leads, and the week's plan of second-voice touches.
import type { Capability } from "../bot/capability.js";
import { destarringPlan } from "./jobs.js";
import { starsFeature } from "./telegram.js";

export const stars: Capability = {
  name: "stars",
  features: [starsFeature],
  buttons: ["star"],
  jobs: [destarringPlan],
  menu: [{ command: "stars", menus: ["manager", "lead"], position: 70 }],
};
