// Preview buttons: imp:<action>:<batchId>. The batch id is checked against the database on every tap.
import { InlineKeyboard } from "grammy";

export type ImportAction = "go" | "valid" | "no";

export function importCallback(action: ImportAction, batchId: number): string {
  return `imp:${action}:${batchId}`;
}

export function parseImportCallback(data: string): { action: ImportAction; batchId: number } | null {
  const m = /^imp:(go|valid|no):(\d{1,12})$/.exec(data);
  return m ? { action: m[1] as ImportAction, batchId: Number(m[2]) } : null;
}

/** "Import" when every row is fine; "Import only valid rows" when some were rejected (and some are fine). */
export function importPreviewKeyboard(
  labels: { go: string; valid: string; cancel: string },
  batchId: number,
  state: { rejected: number; writable: number },
): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (state.rejected === 0 && state.writable > 0) kb.text(labels.go, importCallback("go", batchId));
  if (state.rejected > 0 && state.writable > 0) kb.text(labels.valid, importCallback("valid", batchId));
  return kb.text(labels.cancel, importCallback("no", batchId));
}
