// Who answers which buttons, by callback data prefix (each feature's data is built in keyboards/).
// Dialogue buttons (ct:, cla:, chk:in:, off:c:, ...) are taken by their open dialogue before this; a
// tap on one whose dialogue is gone reaches the owner here, or the "out of date" answer.
import type { ButtonOwners } from "./button-routes.js";
import { callsFeature } from "../calls/telegram.js";
import { checklistFeature } from "../handover/checklist-telegram.js";
import { clientsFeature } from "../clients/telegram.js";
import { distributionFeature } from "../distribution/telegram.js";
import { importFeature } from "../clients/import-telegram.js";
import { languageFeature } from "../team/language-telegram.js";
import { membersFeature } from "../team/members-telegram.js";
import { offboardFeature } from "../handover/telegram.js";
import { scriptFeature } from "../calls/script-telegram.js";
import { settingsFeature } from "../team/settings-telegram.js";
import { startFeature } from "../team/start-telegram.js";
import { statusFeature } from "../reports/status-telegram.js";
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
  star: starsFeature,
};
