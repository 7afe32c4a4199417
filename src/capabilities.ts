// The composition root's list of capabilities. createBot mounts their dialogues (all of them, before any
// feature) and their Composers in this order; the button router sends each tap to the capability that
// owns its prefix; the scheduler runs their jobs in this order within a tick (the week's second-voice
// touches first, then the digest, so a person's day starts with their list; the nags; the weekly picture
// last); the command menus list their commands. Features answer distinct commands and buttons, so their
// order among capabilities only matters to the jobs.
import type { Capability } from "./bot/capability.js";
import { help } from "./bot/help.js";
import { calls } from "./calls/capability.js";
import { clients } from "./clients/capability.js";
import { distribution } from "./distribution/capability.js";
import { handover } from "./handover/capability.js";
import { nags } from "./nags/capability.js";
import { reports } from "./reports/capability.js";
import { stars } from "./stars/capability.js";
import { team } from "./team/capability.js";

export const capabilities: readonly Capability[] = [team, help, handover, distribution, clients, stars, calls, nags, reports];
