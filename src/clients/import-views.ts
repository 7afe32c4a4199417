// Texts of the import flow: the preview, the problems by row, the outcome. Every variable goes through
// the translator (escaped); lists are built from translated, escaped lines.
import { importVoicesText } from "../stars/views.js";
import type { ImportSummary, PlanProblem } from "./import-summary.js";
import type { FileErrorCode, RowProblem } from "./import/types.js";
import type { Locale, Translate } from "../platform/locale.js";
import { formatDay } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";

const MAX_PROBLEMS_SHOWN = 10;
const MAX_OWNERS_SHOWN = 15;
const MAX_UNKNOWN_SHOWN = 10;
/** Telegram's limit is 4096; leave room for the footer. */
const MAX_TEXT = 3800;

type AnyProblem = { rowNumber: number; code: string; value?: string | undefined; field?: string | undefined; duplicateOf?: number | undefined; severity: "error" | "warning" };

export function fileErrorText(t: Translate, error: FileErrorCode, details: { headersSeen?: string[] | undefined; rowNumber?: number | undefined }): string {
  if (error === "no_name_column") {
    const seen = (details.headersSeen ?? []).filter((h) => h.trim() !== "").slice(0, 30);
    return t("import-error-no_name_column", { headers: seen.length ? seen.map((h) => `«${h}»`).join(", ") : "—" });
  }
  if (error === "broken_csv") return t("import-error-broken_csv", { row: details.rowNumber ?? 0 });
  return t(`import-error-${error}`);
}

export interface PreviewInput {
  fileName: string;
  totalRows: number;
  columns: Record<string, string>;
  summary: ImportSummary;
  parseRejected: RowProblem[];
  parseWarnings: RowProblem[];
  parseRejectedRows: number;
}

export function previewText(t: Translate, p: PreviewInput): string {
  const s = p.summary;
  const rejected = s.rejected + p.parseRejectedRows;
  const parts: string[] = [];
  parts.push(t("import-preview-header", { file: p.fileName, rows: p.totalRows }));
  const columns = Object.entries(p.columns).map(([field, header]) => t("import-column", { fieldName: t("import-field", { field }), header }));
  if (columns.length) parts.push(t("import-preview-columns", { columnsHtml: columns.join(", ") }));

  const counts = [t("import-count-created", { n: s.created }), t("import-count-updated", { n: s.updated })];
  if (s.unchanged) counts.push(t("import-count-unchanged", { n: s.unchanged }));
  if (s.merged) counts.push(t("import-count-merged", { n: s.merged }));
  counts.push(t("import-count-rejected", { n: rejected }));
  if (s.commitments) counts.push(t("import-count-commitments", { n: s.commitments }));
  const found = s.noteFindings?.total ?? 0;
  if (found) counts.push(t("import-count-notes", { n: found, taken: s.noteFindings.taken }));
  parts.push(t("import-preview-counts", { linesHtml: counts.join("\n") }));

  if (s.created + s.updated > 0) {
    const owners = s.perOwner.slice(0, MAX_OWNERS_SHOWN).map((o) => t(o.isNew ? "import-owner-line-new" : "import-owner-line", { name: o.name, n: o.count }));
    if (s.perOwner.length > MAX_OWNERS_SHOWN) owners.push(t("import-more", { n: s.perOwner.length - MAX_OWNERS_SHOWN }));
    if (s.unassigned) owners.push(t("import-owner-line-none", { n: s.unassigned }));
    parts.push(t("import-preview-owners", { linesHtml: owners.join("\n") }));
    parts.push(t("import-preview-temperatures", { hot: s.perTemperature.hot, warm: s.perTemperature.warm, cold: s.perTemperature.cold }));
  }

  if (s.unknownOwners.length) {
    const lines = s.unknownOwners
      .slice(0, MAX_UNKNOWN_SHOWN)
      .map((u) => t("import-unknown-owner-line", { name: u.name, rows: rowList(u.rows, u.count), n: u.count }));
    if (s.unknownOwners.length > MAX_UNKNOWN_SHOWN) lines.push(t("import-more", { n: s.unknownOwners.length - MAX_UNKNOWN_SHOWN }));
    parts.push(t("import-unknown-owners", { linesHtml: lines.join("\n") }));
  }
  const near = s.nearMisses ?? [];
  if (near.length) {
    const lines = near.slice(0, MAX_UNKNOWN_SHOWN).map((m) => t("import-near-owner-line", { text: m.text, name: m.memberName, rows: rowList(m.rows, m.count) }));
    if (near.length > MAX_UNKNOWN_SHOWN) lines.push(t("import-more", { n: near.length - MAX_UNKNOWN_SHOWN }));
    parts.push(t("import-near-owners", { linesHtml: lines.join("\n") }));
  }
  const matches = s.contactMatches ?? [];
  if (matches.length) {
    const lines = matches.slice(0, MAX_PROBLEMS_SHOWN).map((m) => t("import-contact-match-line", { row: m.rowNumber, name: m.clientName, field: m.field, value: m.value }));
    if (matches.length > MAX_PROBLEMS_SHOWN) lines.push(t("import-more", { n: matches.length - MAX_PROBLEMS_SHOWN }));
    parts.push(t("import-contact-matches", { linesHtml: lines.join("\n") }));
  }
  if (s.voices) parts.push(importVoicesText(t, s.voices));
  if (s.inactiveOwners.length) {
    const lines = s.inactiveOwners.map((o) => t("import-inactive-owner-line", { name: o.name, n: o.count }));
    parts.push(t("import-inactive-owners", { linesHtml: lines.join("\n") }));
  }

  const problems = allProblems(p.parseRejected, s.problems, p.parseWarnings);
  if (problems.length) {
    const total = p.parseRejected.length + s.problems.length + p.parseWarnings.length;
    const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map((pr) => problemLine(t, pr, p.columns));
    if (total > MAX_PROBLEMS_SHOWN) lines.push(t("import-more", { n: total - MAX_PROBLEMS_SHOWN }));
    parts.push(t("import-preview-problems", { linesHtml: lines.join("\n") }));
  }

  const writable = s.created + s.updated;
  const footer =
    writable === 0
      ? t((s.noteFindings?.total ?? 0) > 0 ? "import-preview-nothing-but-notes" : "import-preview-nothing")
      : rejected > 0
        ? t("import-preview-footer-rejected", { n: rejected })
        : t("import-preview-footer");
  return fitMessage(parts, footer);
}

/** Errors first (those rows will not load), then warnings, each by row number. */
function allProblems(parseRejected: RowProblem[], plan: PlanProblem[], warnings: RowProblem[]): AnyProblem[] {
  const errors: AnyProblem[] = [...parseRejected, ...plan.map((p) => ({ ...p, severity: "error" as const }))];
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  const warns = [...warnings].sort((a, b) => a.rowNumber - b.rowNumber);
  return [...errors.slice(0, MAX_PROBLEMS_SHOWN), ...warns.slice(0, MAX_PROBLEMS_SHOWN)];
}

/** `columns`: field -> the file's header(s), so a problem names the column as the lead's file does. */
function problemLine(t: Translate, p: AnyProblem, columns: Record<string, string>): string {
  return t("import-problem", {
    row: p.rowNumber,
    code: p.code,
    field: p.field ?? "",
    column: p.field ? (columns[p.field] ?? t("import-field", { field: p.field })) : "",
    value: p.value ?? "",
    duplicateOf: p.duplicateOf ?? 0,
    severity: p.severity,
  });
}

function rowList(rows: number[], count: number): string {
  return rows.join(", ") + (count > rows.length ? ", …" : "");
}

/** Drops the longest sections from the end until the message fits Telegram's limit. */
function fitMessage(parts: string[], footer: string): string {
  let text = [...parts, footer].join("\n\n");
  while (text.length > MAX_TEXT && parts.length > 1) {
    parts.pop();
    text = [...parts, footer].join("\n\n");
  }
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

export function resultText(t: Translate, s: ImportSummary, changed: boolean, newNames: string[]): string {
  const parts = [t("import-done", { created: s.created, updated: s.updated, unchanged: s.unchanged, unassigned: s.unassigned, commitments: s.commitments })];
  if (changed) parts.push(t("import-done-changed"));
  if (newNames.length) parts.push(t("import-done-new-members", { names: newNames.slice(0, 20).join(", "), n: newNames.length }));
  if (s.unassigned > 0) parts.push(t("import-done-unassigned-hint", { n: s.unassigned }));
  return parts.join("\n\n");
}

/** The commitments found in the notes, each with its row, client, kind and due date, kept ones ticked. */
export function noteListText(
  t: Translate,
  locale: Locale,
  today: string,
  p: { items: ImportSummary["noteFindings"]["items"]; total: number; kept: (index: number) => boolean; keptCount: number },
): string {
  const lines = p.items.map((item, i) =>
    t("import-note-line", {
      mark: p.kept(item.index) ? "☑️" : "☐",
      n: i + 1,
      row: item.rowNumber,
      // Short enough that the whole list (MAX_NOTE_ITEMS lines) fits one message.
      name: clip(item.clientName, 30),
      kind: item.kind,
      text: clip(item.text, 70),
      hasDue: item.dueOn ? "yes" : "no",
      due: item.dueOn ? formatDay(item.dueOn, locale, today) : "",
    }),
  );
  if (p.total > p.items.length) lines.push(t("import-more", { n: p.total - p.items.length }));
  return fitMessage([t("import-notes-title", { n: p.total }), lines.join("\n")], t("import-notes-footer", { kept: p.keptCount, n: p.total }));
}
