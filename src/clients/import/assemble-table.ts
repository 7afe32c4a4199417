// Rows from a reader (CSV or XLSX) -> header detection -> row validation.
// The header is the first row, among the first HEADER_SEARCH_ROWS non-blank ones, that names a name
// column: exports often start with a title («Выгрузка контактов от 01.11.2026») or a blank line.
import { cellToText, cleanLine, isBlankCell } from "./clean-text.js";
import { normaliseHeader, planColumns } from "./header-synonyms.js";
import type { RowValidatorOptions, ValidatedRows } from "./validate-rows.js";
import { createRowValidator, type RowValidator } from "./validate-rows.js";
import type { RawCell } from "./types.js";

const HEADER_SEARCH_ROWS = 10;

/** Thrown from a row visitor to stop reading a file early (no header in sight). */
export class StopReading extends Error {}

export type TableOutcome =
  | ({ ok: true; headersSeen: string[]; columns: Record<string, string> } & ValidatedRows)
  | { ok: false; error: "empty" }
  | { ok: false; error: "no_name_column"; headersSeen: string[] };

export interface TableAssembler {
  visit(cells: readonly RawCell[], rowNumber: number): void;
  finish(): TableOutcome;
}

export function createTableAssembler(options: RowValidatorOptions): TableAssembler {
  let validator: RowValidator | null = null;
  let headers: string[] = [];
  let headerKeys: string[] = [];
  let columns: Record<string, string> = {};
  let firstRow: string[] | null = null;
  let bestGuess: { headers: string[]; matched: number } | null = null;
  let searched = 0;

  const visit = (cells: readonly RawCell[], rowNumber: number): void => {
    if (cells.every(isBlankCell)) return;
    if (validator) {
      if (!repeatsHeader(cells, headers, headerKeys)) validator.add(cells, rowNumber);
      return;
    }
    const candidate = Array.from(cells, (c) => cleanLine(cellToText(c)));
    const plan = planColumns(candidate);
    firstRow ??= candidate;
    if (plan.name.length > 0) {
      validator = createRowValidator(plan, options);
      headers = candidate;
      headerKeys = candidate.map(normaliseHeader);
      columns = plan.columns;
      return;
    }
    if (plan.matched > 0 && (!bestGuess || plan.matched > bestGuess.matched)) bestGuess = { headers: candidate, matched: plan.matched };
    if (++searched >= HEADER_SEARCH_ROWS) throw new StopReading();
  };

  const finish = (): TableOutcome => {
    if (!validator) {
      if (!firstRow) return { ok: false, error: "empty" };
      const seen = bestGuess?.headers ?? firstRow;
      return { ok: false, error: "no_name_column", headersSeen: seen };
    }
    const result = validator.result();
    if (result.totalRows === 0) return { ok: false, error: "empty" };
    return { ok: true, headersSeen: headers, columns, ...result };
  };

  return { visit, finish };
}

/** Files glued from several exports repeat the header row; such rows are skipped, not reported. */
function repeatsHeader(cells: readonly RawCell[], headers: readonly string[], headerKeys: readonly string[]): boolean {
  const first = cells.findIndex((c) => !isBlankCell(c));
  const cell = cells[first];
  // Cheap length filter first: this runs for every data row.
  if (typeof cell !== "string" || cell.trim().length !== headers[first]?.length) return false;
  if (normaliseHeader(cell) !== headerKeys[first]) return false;
  for (let i = first + 1; i < cells.length; i++) {
    if (!isBlankCell(cells[i]) && normaliseHeader(cellToText(cells[i])) !== headerKeys[i]) return false;
  }
  return true;
}
