// Clients: the list and the card (/clients, /client and its dialogue, commitments), importing a file,
// and /export.
import type { Capability } from "../bot/capability.js";
import { addClientConversation, addClientId } from "./add-client-dialogue.js";
import { addCommitmentConversation, addCommitmentId } from "./add-commitment-dialogue.js";
import { exportFeature } from "./export-telegram.js";
import { importFeature } from "./import-telegram.js";
import { clientsFeature } from "./telegram.js";

export const clients: Capability = {
  name: "clients",
  features: [importFeature, clientsFeature, exportFeature],
  dialogues: [
    { id: addClientId, builder: addClientConversation },
    { id: addCommitmentId, builder: addCommitmentConversation },
  ],
  buttons: ["imp", "cl", "cla"],
  menu: [
    { command: "clients", menus: ["manager", "lead"], position: 30 },
    { command: "client", menus: ["manager", "lead"], position: 40 },
    { command: "export", menus: ["lead"], position: 130 },
  ],
};
