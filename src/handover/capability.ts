// The handover: /offboard (the dialogue, the checklist template), the checklist and its typed-input
// dialogue (skip reasons, due dates, the interview), and the leaver's form.
import type { Capability } from "../bot/capability.js";
import { actingMember, clientAccess } from "./leaver-access.js";
import { CHECKLIST_ANSWERS } from "./checklist-keyboards.js";
import { checklistFeature } from "./checklist-telegram.js";
import { refreshChecklistMessage } from "./checklist-message-telegram.js";
import { leaverFormConversation, leaverFormId } from "./interview-form-dialogue.js";
import { offboardDialogueButtons } from "./keyboards.js";
import { checklistInputConversation, checklistInputId } from "./checklist-input-dialogue.js";
import { offboardConversation, offboardConversationId } from "./offboard-dialogue.js";
import { offboardFeature } from "./telegram.js";

export const handover: Capability = {
  name: "handover",
  features: [offboardFeature, checklistFeature],
  dialogues: [
    { id: checklistInputId, builder: checklistInputConversation, groupButtons: CHECKLIST_ANSWERS },
    { id: offboardConversationId, builder: offboardConversation, groupButtons: offboardDialogueButtons.scope },
    { id: leaverFormId, builder: leaverFormConversation },
  ],
  buttons: ["off", "chk"],
  botRules: { clientAccess, actingMember },
  botHooks: { refreshChecklist: refreshChecklistMessage },
  menu: [{ command: "offboard", menus: ["lead", "group"], position: 10 }],
};
