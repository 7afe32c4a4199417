// A draft is what the import will write for one client: a new one, or an existing one with the fields the
// file changes. Rows of the file are merged into drafts here, and the preview's counts kept as they go.
import type { CommitmentKind, Temperature } from "../db/schema.js";
import { nameAddsNothing } from "./import/name-skeleton.js";
import type { ImportRow, ImportSummary, PlanProblem } from "./import-summary.js";
import type { ClientState, OwnerTarget } from "./import-snapshot.js";
import type { RosterMember } from "./owner-match.js";

export interface Draft {
  existingId: number | null;
  /** The stored owner of an existing client (to tell an owner change from a no-op). */
  ownerBefore: OwnerTarget;
  owner: OwnerTarget;
  /** A new client's state is its first row itself until a later row changes it (copy on write). */
  state: ClientState;
  ownState: boolean;
  /** Fields of an existing client this import changes; null while none (most drafts are new clients). */
  changed: Set<string> | null;
  firstRow: number;
  /** How many of the plan's plain new clients (ImportPlan.plainNew) come before this draft in the file. */
  plainBefore: number;
  rowCount: number;
  commitments: { kind: CommitmentKind; text: string; dueOn: string | null }[];
  /** A row named someone leaving as the owner: the client remembers their handover (see writePlan). */
  leaverId?: number;
  /** Members of the team the "other managers" column names: voices with the client (de-starring). */
  voices?: number[];
}

/** Shared by every draft without commitments (most of them): one array instead of 100,000. */
export const NO_COMMITMENTS: Draft["commitments"] = [];

export function dedupeCommitments(list: readonly { kind: CommitmentKind; text: string; dueOn: string | null }[]) {
  const out: { kind: CommitmentKind; text: string; dueOn: string | null }[] = [];
  for (const c of list) if (!out.some((d) => d.kind === c.kind && d.text === c.text && d.dueOn === c.dueOn)) out.push({ kind: c.kind, text: c.text, dueOn: c.dueOn });
  return out;
}

function markChanged(draft: Draft, field: string): void {
  if (draft.existingId === null) return;
  (draft.changed ??= new Set()).add(field);
}

export function mergeRow(draft: Draft, row: ImportRow, present: Set<string>): void {
  const set = <K extends keyof ClientState>(field: K, value: ClientState[K]) => {
    if (draft.state[field] === value) return;
    if (!draft.ownState) {
      draft.state = { ...pickState(draft.state) };
      draft.ownState = true;
    }
    draft.state[field] = value;
    markChanged(draft, field);
  };
  // Another spelling of the same name («Иванов» -> "IVANOV", or a shorter form) does not rename the client.
  if (!nameAddsNothing(draft.state.name, row.name)) set("name", row.name);
  if (row.company !== null) set("company", row.company);
  if (row.email !== null) set("email", row.email);
  if (row.externalId !== null) set("externalId", row.externalId);
  if (present.has("temperature")) set("temperature", row.temperature);
  if (row.lastContactOn !== null) set("lastContactOn", row.lastContactOn);
  if (row.nextContactOn !== null) set("nextContactOn", row.nextContactOn);
  if (row.notes !== null) set("notes", row.notes);
  // Phones are only ever added: a number that is not in this file may still be the client's.
  for (const p of row.phones) if (!draft.state.phones.includes(p)) set("phones", [...draft.state.phones, p]);
}

function pickState(s: ClientState): ClientState {
  return {
    name: s.name,
    company: s.company,
    phones: s.phones,
    email: s.email,
    externalId: s.externalId,
    temperature: s.temperature,
    lastContactOn: s.lastContactOn,
    nextContactOn: s.nextContactOn,
    notes: s.notes,
  };
}

export function setOwner(draft: Draft, owner: OwnerTarget): void {
  if (draft.owner === owner) return;
  draft.owner = owner;
  if (draft.existingId === null) return;
  if (draft.ownerBefore === owner) draft.changed?.delete("owner");
  else markChanged(draft, "owner");
}

/** Running counts: a new client is counted as soon as it is decided (no later row changes it). */
export class Tally {
  created = 0;
  updated = 0;
  unchanged = 0;
  commitments = 0;
  unassigned = 0;
  merged = 0;
  perTemperature: Record<Temperature, number> = { hot: 0, warm: 0, cold: 0 };
  perOwner = new Map<OwnerTarget, number>();

  /** A client this import writes (created or updated). */
  written(state: ClientState, owner: OwnerTarget, commitments: number): void {
    this.commitments += commitments;
    this.perTemperature[state.temperature]++;
    if (owner === null) this.unassigned++;
    else this.perOwner.set(owner, (this.perOwner.get(owner) ?? 0) + 1);
  }

  existing(d: Draft): void {
    this.merged += d.rowCount - 1;
    if ((d.changed?.size ?? 0) > 0 || d.commitments.length > 0) {
      this.updated++;
      this.written(d.state, d.owner, d.commitments.length);
    } else this.unchanged++;
  }
}

export function summarise(
  tally: Tally,
  rowCount: number,
  rejected: number,
  problems: PlanProblem[],
  newMembers: Map<string, { name: string }>,
  unknownRows: Map<string, number[]>,
  unknownCounts: Map<string, number>,
  inactiveCounts: Map<number, number>,
  rosterById: Map<number, RosterMember>,
): ImportSummary {
  const perOwner = [...tally.perOwner.entries()].map(([o, count]) =>
    typeof o === "number"
      ? { memberId: o, name: rosterById.get(o)?.name ?? "?", isNew: false, count }
      : { memberId: null, name: newMembers.get(o!)!.name, isNew: true, count },
  );
  return {
    rows: rowCount,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    merged: tally.merged,
    rejected,
    commitments: tally.commitments,
    unassigned: tally.unassigned,
    perOwner: perOwner.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    perTemperature: tally.perTemperature,
    unknownOwners: [...newMembers.entries()].map(([key, m]) => ({ name: m.name, rows: unknownRows.get(key) ?? [], count: unknownCounts.get(key) ?? 0 })),
    nearMisses: [],
    contactMatches: [],
    noteFindings: { total: 0, taken: 0, items: [] },
    inactiveOwners: [...inactiveCounts.entries()].map(([memberId, count]) => ({ memberId, name: rosterById.get(memberId)?.name ?? "?", count })),
    problems,
  };
}
