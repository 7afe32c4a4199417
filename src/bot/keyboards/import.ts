// Preview buttons: imp:<action>:<batchId>, and for "did you mean" imp:dym:<batchId>:<index>:<y|n> (y: that
// member, n: a new person). The batch id is checked against the database on every tap.
import { InlineKeyboard } from "grammy";

export type ImportAction = "go" | "valid" | "no";

export function importCallback(action: ImportAction, batchId: number): string {
  return `imp:${action}:${batchId}`;
}

export function ownerChoiceCallback(batchId: number, index: number, memberChosen: boolean): string {
  return `imp:dym:${batchId}:${index}:${memberChosen ? "y" : "n"}`;
}

export type ImportCallback =
  | { action: ImportAction; batchId: number }
  | { action: "dym"; batchId: number; index: number; memberChosen: boolean };

export function parseImportCallback(data: string): ImportCallback | null {
  const m = /^imp:(go|valid|no):(\d{1,12})$/.exec(data);
  if (m) return { action: m[1] as ImportAction, batchId: Number(m[2]) };
  const d = /^imp:dym:(\d{1,12}):(\d{1,2}):([yn])$/.exec(data);
  return d ? { action: "dym", batchId: Number(d[1]), index: Number(d[2]), memberChosen: d[3] === "y" } : null;
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

/** "Import" when every row is fine; "Import only valid rows" when some were rejected (and some are fine). */
export function importPreviewKeyboard(
  labels: { go: string; valid: string; cancel: string },
  batchId: number,
  state: { rejected: number; writable: number },
  kb: InlineKeyboard = new InlineKeyboard(),
): InlineKeyboard {
  if (state.rejected === 0 && state.writable > 0) kb.text(labels.go, importCallback("go", batchId));
  if (state.rejected > 0 && state.writable > 0) kb.text(labels.valid, importCallback("valid", batchId));
  return kb.text(labels.cancel, importCallback("no", batchId));
}
