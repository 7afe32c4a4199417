// Callback data of the client list and card (prefix cl:). Everything here is untrusted on the way back:
// the handlers check the client, the team and the role against the database.
import type { Temperature } from "../db/schema.js";

export interface ListState {
  /** A member id, "none" for the unassigned pool, undefined for everyone. */
  owner?: number | "none";
  temperature?: Temperature;
  page: number;
}

const TEMP_CODE: Record<Temperature, string> = { hot: "h", warm: "w", cold: "c" };
const CODE_TEMP: Record<string, Temperature> = { h: "hot", w: "warm", c: "cold" };

function stateParts(s: ListState): string {
  const owner = s.owner === undefined ? "" : s.owner === "none" ? "u" : String(s.owner);
  return `${owner}:${s.temperature ? TEMP_CODE[s.temperature] : ""}:${s.page}`;
}

function readState(owner: string, temp: string, page: string): ListState | null {
  const s: ListState = { page: Number(page) };
  if (owner === "u") s.owner = "none";
  else if (owner !== "") s.owner = Number(owner);
  if (temp !== "") {
    const t = CODE_TEMP[temp];
    if (!t) return null;
    s.temperature = t;
  }
  return s;
}

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

export const cb = {
  list: (s: ListState) => `cl:l:${stateParts(s)}`,
  card: (clientId: number, back: ListState) => `cl:c:${clientId}:${stateParts(back)}`,
  pickOwnerFilter: (s: ListState) => `cl:fo:${stateParts(s)}`,
  changeOwner: (clientId: number) => `cl:o:${clientId}`,
  setOwner: (clientId: number, to: number | "none") => `cl:s:${clientId}:${to === "none" ? "u" : to}`,
  addCommitment: (clientId: number) => `cl:m:${clientId}`,
  names: () => "cl:nl",
  nameTargets: (nameOnlyId: number) => `cl:ns:${nameOnlyId}`,
  linkName: (nameOnlyId: number, targetId: number) => `cl:nt:${nameOnlyId}:${targetId}`,
  deleteAsk: (clientId: number) => `cl:d:${clientId}`,
  deleteDo: (clientId: number) => `cl:dd:${clientId}`,
};

const ID = "(\\d{1,12})";
const STATE = "(u|\\d{1,12}|):([hwc]?):(\\d{1,6})";

export function parseClientsCallback(data: string): ClientsAction | null {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^cl:l:${STATE}$`).exec(data))) {
    const state = readState(m[1]!, m[2]!, m[3]!);
    return state ? { kind: "list", state } : null;
  }
  if ((m = new RegExp(`^cl:c:${ID}:${STATE}$`).exec(data))) {
    const back = readState(m[2]!, m[3]!, m[4]!);
    return back ? { kind: "card", clientId: Number(m[1]), back } : null;
  }
  if ((m = new RegExp(`^cl:fo:${STATE}$`).exec(data))) {
    const state = readState(m[1]!, m[2]!, m[3]!);
    return state ? { kind: "pickOwnerFilter", state } : null;
  }
  if ((m = new RegExp(`^cl:o:${ID}$`).exec(data))) return { kind: "changeOwner", clientId: Number(m[1]) };
  if ((m = new RegExp(`^cl:s:${ID}:(u|\\d{1,12})$`).exec(data))) {
    return { kind: "setOwner", clientId: Number(m[1]), to: m[2] === "u" ? "none" : Number(m[2]) };
  }
  if ((m = new RegExp(`^cl:m:${ID}$`).exec(data))) return { kind: "addCommitment", clientId: Number(m[1]) };
  if (data === "cl:nl") return { kind: "names" };
  if ((m = new RegExp(`^cl:ns:${ID}$`).exec(data))) return { kind: "nameTargets", nameOnlyId: Number(m[1]) };
  if ((m = new RegExp(`^cl:nt:${ID}:${ID}$`).exec(data))) return { kind: "linkName", nameOnlyId: Number(m[1]), targetId: Number(m[2]) };
  if ((m = new RegExp(`^cl:d:${ID}$`).exec(data))) return { kind: "deleteAsk", clientId: Number(m[1]) };
  if ((m = new RegExp(`^cl:dd:${ID}$`).exec(data))) return { kind: "deleteDo", clientId: Number(m[1]) };
  return null;
}
