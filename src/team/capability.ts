// The team: /start and joining by invite, creating and deleting a team, /team and its members, the
// language, /invite and /link, and the lead's /settings.
import type { Capability } from "../bot/capability.js";
import { actorOf } from "./actor.js";
import { createTeamConversation, createTeamId } from "./create-team-dialogue.js";
import { deleteTeamConversation, deleteTeamId } from "./delete-team-dialogue.js";
import { languageFeature } from "./language-telegram.js";
import { membersFeature } from "./members-telegram.js";
import { SETTINGS_DIALOG_TIMEOUT_MS, settingsValueConversation, settingsValueId } from "./settings-value-dialogue.js";
import { settingsFeature } from "./settings-telegram.js";
import { startFeature } from "./start-telegram.js";
import { teamFeature } from "./telegram.js";

export const team: Capability = {
  name: "team",
  features: [languageFeature, startFeature, teamFeature, membersFeature, settingsFeature],
  dialogues: [
    { id: createTeamId, builder: createTeamConversation },
    { id: deleteTeamId, builder: deleteTeamConversation },
    { id: settingsValueId, builder: settingsValueConversation, maxMillisecondsToWait: SETTINGS_DIALOG_TIMEOUT_MS },
  ],
  buttons: ["lang", "team", "ct", "tm", "tmd", "set"],
  botRules: { actorOf },
  menu: [
    { command: "start", menus: ["none"], position: 5 },
    { command: "team", menus: ["manager", "lead", "group"], position: 80 },
    { command: "invite", menus: ["lead"], position: 90 },
    { command: "settings", menus: ["lead"], position: 100 },
    { command: "link", menus: ["lead", "group"], position: 140 },
    { command: "language", menus: ["none", "manager", "lead"], position: 160 },
  ],
};
