// Who answers which buttons, by callback data prefix (each feature's data is built in keyboards/).
// Dialogue buttons (ct:, cla:, chk:in:, off:c:, ...) are taken by their open dialogue before this; a
// tap on one whose dialogue is gone reaches the owner here, or the "out of date" answer.
import type { ButtonOwners } from "./button-routes.js";
import { callsFeature } from "./features/calls.js";
import { checklistFeature } from "./features/checklist.js";
import { clientsFeature } from "./features/clients.js";
import { distributionFeature } from "./features/distribution.js";
import { importFeature } from "./features/import.js";
import { languageFeature } from "./features/language.js";
import { membersFeature } from "./features/members.js";
import { offboardFeature } from "./features/offboard.js";
import { scriptFeature } from "./features/script.js";
import { settingsFeature } from "./features/settings.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { STARS_PREFIX } from "../stars/keyboards.js";
import { starsFeature } from "../stars/telegram.js";

export const buttonOwners: ButtonOwners = {
  lang: languageFeature,
  team: startFeature,
  off: offboardFeature,
  chk: checklistFeature,
  dist: distributionFeature,
  set: settingsFeature,
  today: callsFeature,
  call: callsFeature,
  scr: scriptFeature,
  imp: importFeature,
  cl: clientsFeature,
  st: statusFeature,
  tm: membersFeature,
  [STARS_PREFIX]: starsFeature,
};
