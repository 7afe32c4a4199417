// Cells of one data row -> a ParsedClientRow plus the problems found in it. Duplicates across the file
// are handled by dedupe-rows.ts: a duplicate is merged into the earlier row, reported as a
// `duplicate_row` warning on its own row number (with `duplicateOf`), and left out of `rows`.
import type { CountryCode } from "libphonenumber-js";
import { capLength, cellToText, cleanLine, cleanMultiline } from "./clean-text.js";
import { createDeduplicator } from "./dedupe-rows.js";
import type { ColumnPlan } from "./header-synonyms.js";
import { parseEmails, parsePhones, parseTemperature } from "./parse-cells.js";
import { parseCommitmentCell } from "./parse-commitments.js";
import { createDateCellParser, type Day } from "./parse-dates.js";
import type { ParsedClientRow, ProblemCode, RawCell, RowProblem, Temperature } from "./types.js";

export const LIMITS = { name: 200, company: 200, owner: 200, externalId: 100, notes: 2000 } as const;
const MAX_PROBLEM_VALUE = 100;

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
  // A temperature/stage column holds a handful of distinct values.
  const temperatures = new Map<string, Temperature | null>();
  const rows: ParsedClientRow[] = [];
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  let totalRows = 0;

  // Per-row state lives in these two variables so the helpers below are created once, not per row.
  let cells: readonly RawCell[] = [];
  let rowNumber = 0;

  const warn = (code: ProblemCode, field: string, value?: string): void => {
    const problem: RowProblem = { rowNumber, code, field, severity: "warning" };
    if (value !== undefined) problem.value = capLength(value, MAX_PROBLEM_VALUE).text;
    warnings.push(problem);
  };
  const text = (index: number): string => cellToText(cells[index]);
  const capped = (value: string, field: keyof typeof LIMITS): string => {
    const c = capLength(value, LIMITS[field]);
    if (c.cut) warn("too_long", field, value);
    return c.text;
  };
  const line = (index: number | null, field: keyof typeof LIMITS): string | null => {
    if (index === null) return null;
    const value = cleanLine(text(index));
    return value === "" ? null : capped(value, field);
  };

  const nameOf = (): string => {
    if (plan.name.length === 1) return cleanLine(text(plan.name[0]!));
    let name = "";
    for (const i of plan.name) {
      const part = cleanLine(text(i));
      if (part !== "") name = name === "" ? part : `${name} ${part}`;
    }
    return name;
  };

  const phonesOf = (): string[] => {
    const phones: string[] = [];
    for (const i of plan.phones) {
      const found = parsePhones(text(i), options.country);
      for (const p of found.phones) if (!phones.includes(p)) phones.push(p);
      for (const b of found.bad) warn("bad_phone", "phones", b);
    }
    return phones;
  };

  const emailOf = (): string | null => {
    let email: string | null = null;
    for (const i of plan.emails) {
      const found = parseEmails(cleanLine(text(i)));
      email ??= found.emails[0] ?? null;
      for (const b of found.bad) warn("bad_email", "email", b);
    }
    return email;
  };

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
    if (parsed.ok) return parsed.date;
    warn("bad_date", field, cleanLine(text(index)));
    return null;
  };

  const notesOf = (): string | null => {
    let notes = "";
    for (const i of plan.notes) {
      const part = cleanMultiline(text(i));
      if (part !== "") notes = notes === "" ? part : `${notes}\n${part}`;
    }
    return notes === "" ? null : capped(notes, "notes");
  };

  const commitmentsOf = (): ParsedClientRow["commitments"] => {
    const commitments: ParsedClientRow["commitments"] = [];
    for (const c of plan.commitments) {
      const found = parseCommitmentCell(text(c.index), c.kind, options.today);
      for (const item of found.items) commitments.push(item);
      for (const b of found.badDates) warn("bad_date", "commitments", b);
      for (const t of found.tooLong) warn("too_long", "commitments", t);
    }
    return commitments;
  };

  const add = (rowCells: readonly RawCell[], number: number): void => {
    cells = rowCells;
    rowNumber = number;
    totalRows++;
    const name = nameOf();
    if (name === "") {
      rejected.push({ rowNumber, code: "missing_name", field: "name", severity: "error" });
      return;
    }
    // Field order below is the order warnings are reported in.
    const row: ParsedClientRow = {
      rowNumber,
      name: capped(name, "name"),
      company: line(plan.company, "company"),
      phones: phonesOf(),
      email: emailOf(),
      externalId: line(plan.externalId, "externalId"),
      owner: line(plan.owner, "owner"),
      temperature: temperatureOf(),
      lastContactOn: dateOf(plan.lastContactOn, "lastContactOn"),
      nextContactOn: dateOf(plan.nextContactOn, "nextContactOn"),
      notes: notesOf(),
      commitments: commitmentsOf(),
    };
    const duplicate = dedupe.offer(row, LIMITS.notes);
    if (duplicate) {
      warnings.push({
        rowNumber,
        code: "duplicate_row",
        field: duplicate.field,
        value: capLength(duplicate.value, MAX_PROBLEM_VALUE).text,
        severity: "warning",
        duplicateOf: duplicate.of.rowNumber,
      });
      return;
    }
    rows.push(row);
  };

  return { add, result: () => ({ rows, rejected, warnings, totalRows }) };
}
