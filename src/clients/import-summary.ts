// What an import plan tells: the counts and lists a preview shows, and the rows it reads. Shared by the
// planner (import-plan.ts), the writer (import-apply.ts), the stored batches and the Telegram side.
import type { CommitmentKind, Temperature } from "../db/schema.js";
import type { ParsedClientRow } from "./import/types.js";

export type ImportRow = ParsedClientRow;
export type ImportMode = "all" | "valid_only";

/** Why the planner refused a row (the parser's own reasons come with the parse result). */
export type PlanRejectCode = "owner_not_you" | "not_your_client" | "owner_unknown_id";

export interface PlanProblem {
  rowNumber: number;
  code: PlanRejectCode;
  /** The owner text as typed; personal data, shown to the uploader only. */
  value?: string;
}

export interface ImportSummary {
  /** Rows handed to the planner (rows the parser rejected are not among them). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Extra rows that landed on a client another row of the file already updates (same CRM id, or same
   *  contact and name); the parser has already merged plain repeats. */
  merged: number;
  rejected: number;
  commitments: number;
  unassigned: number;
  perOwner: { memberId: number | null; name: string; isNew: boolean; count: number }[];
  perTemperature: Record<Temperature, number>;
  /** Owner names nobody in the team has: they become members known by name only. */
  unknownOwners: { name: string; rows: number[]; count: number }[];
  /** Owner names a typo away from a member's («Мария Иваноа»): the lead decides; until then their new
   *  clients wait in the unassigned pool and existing ones stay where they are. */
  nearMisses: { text: string; memberId: number; memberName: string; rows: number[]; count: number }[];
  /** Rows that are an existing client found by phone, e-mail or CRM id under another spelling of the name. */
  contactMatches: { rowNumber: number; clientName: string; field: "externalId" | "phones" | "email"; value: string }[];
  /** Commitments found in the notes columns (the first ones listed): written only when the lead keeps them. */
  noteFindings: { total: number; taken: number; items: NoteItem[] };
  /** Owners who are leaving or gone: their new clients go to the unassigned pool instead. */
  inactiveOwners: { memberId: number; name: string; count: number }[];
  /** The first problems, by row. */
  problems: PlanProblem[];
  /** The "other managers" column: client–member links found, and names nobody in the team has (ignored). */
  voices?: { links: number; unknown: { name: string; count: number }[] };
}

export interface NoteItem {
  index: number;
  rowNumber: number;
  clientName: string;
  kind: CommitmentKind;
  text: string;
  dueOn: string | null;
}

/** Which commitments found in the notes the lead keeps: all, none (the default) or these indexes. */
export type NoteChoice = "all" | "none" | readonly number[];

/** Found-in-notes items a preview lists (and offers to pick one by one). */
export const MAX_NOTE_ITEMS = 20;
