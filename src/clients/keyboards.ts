// Callback data of the client list and card (prefix cl:). Everything here is untrusted on the way back:
// the handlers check the client, the team and the role against the database.
import type { CommitmentKind, Temperature } from "../db/schema.js";
import { callbackData, callbackSet, codes, either, id, int, mapTaps, oneOf } from "../bot/callback-data.js";

export interface ListState {
  /** A member id, "none" for the unassigned pool, undefined for everyone. */
  owner?: number | "none";
  temperature?: Temperature;
  page: number;
}

/** The list's filters and page, carried by its buttons: `<owner>:<temperature>:<page>`, empty for "any". */
const stateFields = {
  /** A member id, `u` for the unassigned pool, empty for everyone. */
  owner: either(
    codes<"none" | undefined>([
      [undefined, ""],
      ["none", "u"],
    ]),
    id(),
  ),
  temperature: codes<Temperature | undefined>([
    [undefined, ""],
    ["hot", "h"],
    ["warm", "w"],
    ["cold", "c"],
  ]),
  page: int({ max: 999_999 }),
};

function stateOf(s: { owner?: number | "none" | undefined; temperature?: Temperature | undefined; page: number }): ListState {
  const state: ListState = { page: s.page };
  if (s.owner !== undefined) state.owner = s.owner;
  if (s.temperature !== undefined) state.temperature = s.temperature;
  return state;
}

const owner = either(codes([["none", "u"]]), id());

const clientsButtonCodecs = callbackSet({
  list: callbackData("cl:l", stateFields),
  card: callbackData("cl:c", { clientId: id(), ...stateFields }),
  pickOwnerFilter: callbackData("cl:fo", stateFields),
  changeOwner: callbackData("cl:o", { clientId: id() }),
  setOwner: callbackData("cl:s", { clientId: id(), to: owner }),
  addCommitment: callbackData("cl:m", { clientId: id() }),
  names: callbackData("cl:nl"),
  nameTargets: callbackData("cl:ns", { nameOnlyId: id() }),
  linkName: callbackData("cl:nt", { nameOnlyId: id(), targetId: id() }),
  deleteAsk: callbackData("cl:d", { clientId: id() }),
  deleteDo: callbackData("cl:dd", { clientId: id() }),
});

export type ClientsAction =
  | { kind: "list"; state: ListState }
  | { kind: "card"; clientId: number; back: ListState }
  | { kind: "pickOwnerFilter"; state: ListState }
  | { kind: "changeOwner"; clientId: number }
  | { kind: "setOwner"; clientId: number; to: number | "none" }
  | { kind: "addCommitment"; clientId: number }
  | { kind: "names" }
  | { kind: "nameTargets"; nameOnlyId: number }
  | { kind: "linkName"; nameOnlyId: number; targetId: number }
  | { kind: "deleteAsk"; clientId: number }
  | { kind: "deleteDo"; clientId: number };

const codec = clientsButtonCodecs.codecs;

export const cb = {
  list: (s: ListState) => codec.list.encode(s),
  card: (clientId: number, back: ListState) => codec.card.encode({ clientId, ...back }),
  pickOwnerFilter: (s: ListState) => codec.pickOwnerFilter.encode(s),
  changeOwner: (clientId: number) => codec.changeOwner.encode({ clientId }),
  setOwner: (clientId: number, to: number | "none") => codec.setOwner.encode({ clientId, to }),
  addCommitment: (clientId: number) => codec.addCommitment.encode({ clientId }),
  names: () => codec.names.encode(),
  nameTargets: (nameOnlyId: number) => codec.nameTargets.encode({ nameOnlyId }),
  linkName: (nameOnlyId: number, targetId: number) => codec.linkName.encode({ nameOnlyId, targetId }),
  deleteAsk: (clientId: number) => codec.deleteAsk.encode({ clientId }),
  deleteDo: (clientId: number) => codec.deleteDo.encode({ clientId }),
};

/** Taps on the client list and card, the list's filters gathered into its state. */
export const clientsButtons = mapTaps(clientsButtonCodecs, (tap): ClientsAction => {
  switch (tap.kind) {
    case "list":
    case "pickOwnerFilter":
      return { kind: tap.kind, state: stateOf(tap) };
    case "card":
      return { kind: "card", clientId: tap.clientId, back: stateOf(tap) };
    default:
      return tap;
  }
});

// --- the add-client and add-commitment dialogues -------------------------------------------------------

export const addClientButtons = callbackSet(
  {
    skip: callbackData("cla:n:skip"),
    temperature: callbackData("cla:n:t", { temperature: oneOf<Temperature>(["hot", "warm", "cold"]) }),
    owner: callbackData("cla:n:o", { owner: either(oneOf(["none"]), id()) }),
  },
  "cla:n",
);

export const addCommitmentButtons = callbackSet(
  {
    /** Make the draft another kind. */
    makeKind: callbackData("cla:m:k", { to: oneOf<CommitmentKind>(["promise", "document", "deadline"]) }),
    save: callbackData("cla:m:save"),
  },
  "cla:m",
);
