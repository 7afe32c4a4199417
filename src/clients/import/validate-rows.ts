// Cells of one data row -> a ParsedClientRow plus the problems found in it. Duplicates across the file
// are handled by dedupe-rows.ts: a duplicate is merged into the earlier row, reported as a
// `duplicate_row` warning on its own row number (with `duplicateOf`), and left out of `rows`.
import type { CountryCode } from "libphonenumber-js";
import { capLength, cellToText, clear, cleanLine, cleanMultiline, ownCopy } from "./clean-text.js";
import { createDeduplicator } from "./dedupe-rows.js";
import type { ColumnPlan } from "./header-synonyms.js";
import { parseEmailsInto, parsePhonesInto, parseTemperature } from "./parse-cells.js";
import { parseCommitmentCellInto, type CommitmentCellResult } from "./parse-commitments.js";
import { createDateCellParser, type Day } from "./parse-dates.js";
import { scanNotes } from "./scan-notes.js";
import type { ParsedClientRow, ProblemCode, RawCell, RowProblem, Temperature } from "./types.js";

export const LIMITS = { name: 200, company: 200, owner: 200, voices: 500, externalId: 100, notes: 2000 } as const;
const MAX_PROBLEM_VALUE = 100;
/** Distinct owner and company texts kept once and shared by their rows. */
const SHARED_MAX = 10_000;
const NO_COMMITMENTS: ParsedClientRow["commitments"] = Object.freeze([]) as unknown as ParsedClientRow["commitments"];
/** Any character that is neither white space nor an invisible format character (Cf: ZWSP, bidi marks, BOM). */
const VISIBLE = /[^\s\p{Cf}]/u;

export interface RowValidatorOptions {
  country: CountryCode;
  today: Day;
  date1904: boolean;
}

export interface ValidatedRows {
  rows: ParsedClientRow[];
  rejected: RowProblem[];
  warnings: RowProblem[];
  totalRows: number;
}

export interface RowValidator {
  /** One non-blank data row. */
  add(cells: readonly RawCell[], rowNumber: number): void;
  result(): ValidatedRows;
}

export function createRowValidator(plan: ColumnPlan, options: RowValidatorOptions): RowValidator {
  const parseDate = createDateCellParser(options.today, options.date1904);
  const dedupe = createDeduplicator();
  // A temperature/stage column holds a handful of distinct values, an owner column a handful of names:
  // each row keeps the first copy of its owner's name instead of its own.
  const temperatures = new Map<string, Temperature | null>();
  const owners = new Map<string, string>();
  // Contacts of one company repeat its name: the first SHARED_MAX distinct ones are kept once each.
  const companies = new Map<string, string>();
  const rows: ParsedClientRow[] = [];
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  let totalRows = 0;
  let findings = 0;
  const nextFinding = (): number => findings++;

  // Per-row state lives in these two variables so the helpers below are created once, not per row.
  let cells: readonly RawCell[] = [];
  let rowNumber = 0;

  const warn = (code: ProblemCode, field: string, value?: string): void => {
    const problem: RowProblem = { rowNumber, code, field, severity: "warning" };
    if (value !== undefined) problem.value = ownCopy(capLength(value, MAX_PROBLEM_VALUE));
    warnings.push(problem);
  };
  const text = (index: number): string => cellToText(cells[index]);
  const capped = (value: string, field: keyof typeof LIMITS): string => {
    if (value.length <= LIMITS[field]) return value;
    warn("too_long", field, value);
    return capLength(value, LIMITS[field]);
  };
  // Every kept text is copied out of the file's decoded slice (ownCopy), so the slice can die young.
  const line = (index: number | null, field: keyof typeof LIMITS): string | null => {
    if (index === null) return null;
    const value = cleanLine(text(index));
    return value === "" ? null : ownCopy(capped(value, field));
  };

  // A text many rows repeat (a company, an owner) is kept once and shared by them (the first SHARED_MAX).
  const shared = (index: number | null, field: "company" | "owner", seen: Map<string, string>): string | null => {
    if (index === null) return null;
    const value = cleanLine(text(index));
    if (value === "") return null;
    const known = seen.get(value);
    if (known !== undefined) return known;
    const kept = ownCopy(capped(value, field));
    if (seen.size < SHARED_MAX) seen.set(kept, kept);
    return kept;
  };
  const companyOf = (): string | null => shared(plan.company, "company", companies);

  const nameOf = (): string => {
    if (plan.name.length === 1) return cleanLine(text(plan.name[0]!));
    let name = "";
    for (const i of plan.name) {
      const part = cleanLine(text(i));
      if (part !== "") name = name === "" ? part : `${name} ${part}`;
    }
    return name;
  };

  // Scratch arrays reused for every row: the hot path allocates only what ends up in the result, and
  // what ends up there is copied at its exact length (an array grown by push reserves 17 slots: with
  // 100,000 rows that is 12 MB of empty slots in the phones alone).
  const bad: string[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  const found: CommitmentCellResult = { items: [], badDates: [], tooLong: [] };
  const flushBad = (code: ProblemCode, field: string): void => {
    for (const b of bad) warn(code, field, b);
    clear(bad);
  };

  const phonesOf = (): string[] => {
    for (const i of plan.phones) parsePhonesInto(text(i), options.country, phones, bad);
    flushBad("bad_phone", "phones");
    const exact = phones.slice();
    clear(phones);
    return exact;
  };

  const emailOf = (): string | null => {
    for (const i of plan.emails) parseEmailsInto(cleanLine(text(i)), emails, bad);
    flushBad("bad_email", "email");
    const email = emails.length > 0 ? ownCopy(emails[0]!) : null;
    clear(emails);
    return email;
  };

  const ownerOf = (): string | null => shared(plan.owner, "owner", owners);

  const temperatureOf = (): Temperature => {
    if (plan.temperature === null) return "warm";
    const value = cleanLine(text(plan.temperature));
    if (value === "") return "warm";
    let parsed = temperatures.get(value);
    if (parsed === undefined) {
      parsed = parseTemperature(value);
      if (temperatures.size < 1000) temperatures.set(value, parsed);
    }
    if (parsed === null) warn("bad_temperature", "temperature", value);
    return parsed ?? "warm";
  };

  const dateOf = (index: number | null, field: "lastContactOn" | "nextContactOn"): string | null => {
    if (index === null) return null;
    const parsed = parseDate(cells[index], field === "lastContactOn" ? "past" : "future");
    if (parsed !== false) return parsed;
    warn("bad_date", field, cleanLine(text(index)));
    return null;
  };

  const notesOf = (): string | null => {
    let notes = "";
    for (const i of plan.notes) {
      const part = cleanMultiline(text(i));
      if (part !== "") notes = notes === "" ? part : `${notes}\n${part}`;
    }
    return notes === "" ? null : ownCopy(capped(notes, "notes"));
  };

  const commitmentsOf = (): ParsedClientRow["commitments"] => {
    for (const c of plan.commitments) parseCommitmentCellInto(text(c.index), c.kind, options.today, found);
    for (const t of found.tooLong) warn("too_long", "commitments", t);
    for (const b of found.badDates) warn("bad_date", "commitments", b);
    // Most rows have none: they share one frozen empty list (a merge copies before adding).
    for (const c of found.items) c.text = ownCopy(c.text);
    const commitments = found.items.length > 0 ? found.items.slice() : NO_COMMITMENTS;
    clear(found.items);
    clear(found.tooLong);
    clear(found.badDates);
    return commitments;
  };

  const add = (rowCells: readonly RawCell[], number: number): void => {
    cells = rowCells;
    rowNumber = number;
    totalRows++;
    const name = nameOf();
    // A name of zero-width or direction marks only would be an invisible client.
    if (!VISIBLE.test(name)) {
      rejected.push({ rowNumber, code: "missing_name", field: "name", severity: "error" });
      return;
    }
    // Field order below is the order warnings are reported in.
    const row: ParsedClientRow = {
      rowNumber,
      name: ownCopy(capped(name, "name")),
      company: companyOf(),
      phones: phonesOf(),
      email: emailOf(),
      externalId: line(plan.externalId, "externalId"),
      owner: ownerOf(),
      ...(plan.voices !== null ? { voices: line(plan.voices, "voices") } : {}),
      temperature: temperatureOf(),
      lastContactOn: dateOf(plan.lastContactOn, "lastContactOn"),
      nextContactOn: dateOf(plan.nextContactOn, "nextContactOn"),
      notes: notesOf(),
      commitments: commitmentsOf(),
    };
    if (row.notes !== null) {
      const found = scanNotes(row.notes, options.today, nextFinding);
      if (found.length > 0) row.noteFindings = found.slice();
    }
    const duplicate = dedupe.offer(row, LIMITS.notes);
    if (duplicate) {
      warnings.push({
        rowNumber,
        code: "duplicate_row",
        field: duplicate.field,
        value: capLength(duplicate.value, MAX_PROBLEM_VALUE),
        severity: "warning",
        duplicateOf: duplicate.of.rowNumber,
      });
      return;
    }
    rows.push(row);
  };

  return { add, result: () => ({ rows, rejected, warnings, totalRows }) };
}
