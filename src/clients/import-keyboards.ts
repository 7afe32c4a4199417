// Preview buttons: imp:<action>:<batchId>, and for "did you mean" imp:dym:<batchId>:<index>:<y|n> (y: that
// member, n: a new person), and for commitments found in notes imp:nt:<batchId>:<a|v|la|ln|t<i>> (take all
// from the preview, view, all / none on the list, toggle item i). The batch id is checked on every tap.
import { InlineKeyboard } from "grammy";

export type ImportAction = "go" | "valid" | "no";

export function importCallback(action: ImportAction, batchId: number): string {
  return `imp:${action}:${batchId}`;
}

export function ownerChoiceCallback(batchId: number, index: number, memberChosen: boolean): string {
  return `imp:dym:${batchId}:${index}:${memberChosen ? "y" : "n"}`;
}

export type NoteTap = "a" | "v" | "la" | "ln" | { toggle: number };

export function noteCallback(batchId: number, tap: NoteTap): string {
  return `imp:nt:${batchId}:${typeof tap === "string" ? tap : `t${tap.toggle}`}`;
}

export type ImportCallback =
  | { action: ImportAction; batchId: number }
  | { action: "dym"; batchId: number; index: number; memberChosen: boolean }
  | { action: "notes"; batchId: number; tap: NoteTap };

export function parseImportCallback(data: string): ImportCallback | null {
  const m = /^imp:(go|valid|no):(\d{1,12})$/.exec(data);
  if (m) return { action: m[1] as ImportAction, batchId: Number(m[2]) };
  const d = /^imp:dym:(\d{1,12}):(\d{1,2}):([yn])$/.exec(data);
  if (d) return { action: "dym", batchId: Number(d[1]), index: Number(d[2]), memberChosen: d[3] === "y" };
  const n = /^imp:nt:(\d{1,12}):(a|v|la|ln|t(\d{1,2}))$/.exec(data);
  if (!n) return null;
  return { action: "notes", batchId: Number(n[1]), tap: n[3] !== undefined ? { toggle: Number(n[3]) } : (n[2] as "a" | "v" | "la" | "ln") };
}

/** Under the list of commitments found in notes: a toggle per item (when few enough), then all / none. */
export function noteListKeyboard(batchId: number, items: readonly { index: number }[], kept: (index: number) => boolean, pickable: boolean, labels: { all: string; none: string }): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (pickable) {
    items.forEach((item, i) => {
      kb.text(`${kept(item.index) ? "☑️" : "☐"} ${i + 1}`, noteCallback(batchId, { toggle: i }));
      if (i % 5 === 4) kb.row();
    });
    kb.row();
  }
  return kb.text(labels.all, noteCallback(batchId, "la")).text(labels.none, noteCallback(batchId, "ln"));
}

/** The most "did you mean" questions asked with buttons in one preview. */
export const MAX_OWNER_QUESTIONS = 5;

/** One row per near-miss owner: "it is <member>" / "a new person". */
export function ownerQuestionRows(
  kb: InlineKeyboard,
  batchId: number,
  nearMisses: readonly { text: string; memberName: string }[],
  label: (near: { text: string; memberName: string }, memberChosen: boolean) => string,
  answered: ReadonlySet<number> = new Set(),
): InlineKeyboard {
  nearMisses.slice(0, MAX_OWNER_QUESTIONS).forEach((near, i) => {
    if (answered.has(i)) return;
    kb.text(label(near, true), ownerChoiceCallback(batchId, i, true)).text(label(near, false), ownerChoiceCallback(batchId, i, false)).row();
  });
  return kb;
}

/**
 * "Import" when every row is fine; "Import only valid rows" when some were rejected (and some are fine).
 * Commitments found in notes are something to write too, even when no client changes.
 */
export function importPreviewKeyboard(
  labels: { go: string; valid: string; cancel: string },
  batchId: number,
  state: { rejected: number; writable: number; notes?: number },
  kb: InlineKeyboard = new InlineKeyboard(),
): InlineKeyboard {
  if (state.writable === 0 && (state.notes ?? 0) > 0) state = { ...state, writable: 1 };
  if (state.rejected === 0 && state.writable > 0) kb.text(labels.go, importCallback("go", batchId));
  if (state.rejected > 0 && state.writable > 0) kb.text(labels.valid, importCallback("valid", batchId));
  return kb.text(labels.cancel, importCallback("no", batchId));
}
