// The distribution table as the lead sees it: one monospace block (per manager +hot/+warm/+cold and the
// resulting load), then the warnings. Names are escaped; a very large team is cut to fit one message.
import type { ProposalView } from "./types.js";
import { escapeHtml } from "../platform/html.js";
import type { Translate } from "../platform/locale.js";
import { clip } from "../platform/format/clip.js";

const NAME_WIDTH = 16;
/** Rows shown at most; each is ~40 characters, so the message stays well under Telegram's 4096. */
export const MAX_TABLE_ROWS = 60;

export function renderTable(t: Translate, view: ProposalView, note?: string): string {
  const parts: string[] = [];
  if (note) parts.push(note);
  parts.push(
    view.leaver
      ? t("dist-table-title-handover", { leaver: view.leaver.name, count: view.clientCount })
      : t("dist-table-title-pool", { count: view.clientCount }),
  );
  if (view.withCommitments > 0) parts.push(t("dist-table-with-commitments", { count: view.withCommitments }));

  if (view.eligibleCount === 0 && view.assigned === 0) {
    parts.push(t("dist-table-no-managers"));
    if (view.excluded.length > 0) parts.push(t("dist-table-excluded", { names: view.excluded.map((e) => e.name).join(", ") }));
    return parts.join("\n\n");
  }

  parts.push(monospaceTable(t, view));
  const over = view.rows.filter((r) => r.overCap);
  if (over.length > 0) {
    parts.push(over.map((r) => t("dist-table-over-cap", { name: r.name, total: r.total, cap: view.cap ?? 0 })).join("\n"));
  }
  if (view.unassigned > 0) parts.push(t("dist-table-unassigned", { count: view.unassigned }));
  if (view.known) parts.push(t("stars-dist-known", { known: view.known, total: view.assigned }));
  if (view.excluded.length > 0) parts.push(t("dist-table-excluded", { names: view.excluded.map((e) => e.name).join(", ") }));
  parts.push(t("dist-table-footer"));
  return parts.join("\n\n");
}

function monospaceTable(t: Translate, view: ProposalView): string {
  const head = [t("dist-col-manager"), t("dist-col-hot"), t("dist-col-warm"), t("dist-col-cold"), t("dist-col-total")];
  const rows = view.rows.slice(0, MAX_TABLE_ROWS).map((r) => [
    (r.overCap ? "!" : "") + r.name,
    plus(r.added.hot),
    plus(r.added.warm),
    plus(r.added.cold),
    String(r.total),
  ]);
  const widths = [NAME_WIDTH, ...[1, 2, 3, 4].map((i) => Math.max(head[i]!.length, ...rows.map((row) => row[i]!.length)))];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? escapeHtml(padEnd(clip(cell, NAME_WIDTH), NAME_WIDTH)) : escapeHtml(cell.padStart(widths[i]!))))
      .join(" ")
      .trimEnd();
  // The header was escaped by the translator already; unescape to measure, escape once when printing.
  const headRaw = head.map(unescape);
  const lines = [line(headRaw), ...rows.map(line)];
  if (view.rows.length > MAX_TABLE_ROWS) lines.push(t("dist-table-more-rows", { count: view.rows.length - MAX_TABLE_ROWS }));
  return `<pre>${lines.join("\n")}</pre>`;
}

const plus = (n: number) => (n > 0 ? `+${n}` : "0");

function padEnd(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : text + " ".repeat(width - len);
}
