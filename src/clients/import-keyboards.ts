// Preview buttons: imp:<action>:<batchId>, and for "did you mean" imp:dym:<batchId>:<index>:<y|n> (y: that
// member, n: a new person), and for commitments found in notes imp:nt:<batchId>:<a|v|la|ln|t<i>> (take all
// from the preview, view, all / none on the list, toggle item i). The batch id is checked on every tap.
import { InlineKeyboard } from "grammy";
import { callbackData, callbackSet, either, field, flag, id, int, mapTaps, NOT_A_VALUE, oneOf } from "../bot/callback-data.js";

export type ImportAction = "go" | "valid" | "no";
export type NoteTap = "a" | "v" | "la" | "ln" | { toggle: number };

/** The i-th note's toggle: `t0` … `t99`. */
const toggleIndex = int({ max: 99 });
const noteTap = either(
  oneOf(["a", "v", "la", "ln"]),
  field<{ toggle: number }>({
    encode: (tap) => `t${toggleIndex.encode(tap.toggle)}`,
    decode(raw) {
      const index = raw.startsWith("t") ? toggleIndex.decode(raw.slice(1)) : NOT_A_VALUE;
      return index === NOT_A_VALUE ? NOT_A_VALUE : { toggle: index };
    },
  }),
);

const importButtonCodecs = callbackSet({
  go: callbackData("imp:go", { batchId: id() }),
  valid: callbackData("imp:valid", { batchId: id() }),
  no: callbackData("imp:no", { batchId: id() }),
  dym: callbackData("imp:dym", { batchId: id(), index: int({ max: 99 }), memberChosen: flag("y", "n") }),
  notes: callbackData("imp:nt", { batchId: id(), tap: noteTap }),
});

const codec = importButtonCodecs.codecs;

export function importCallback(action: ImportAction, batchId: number): string {
  return codec[action].encode({ batchId });
}

export function ownerChoiceCallback(batchId: number, index: number, memberChosen: boolean): string {
  return codec.dym.encode({ batchId, index, memberChosen });
}

export function noteCallback(batchId: number, tap: NoteTap): string {
  return codec.notes.encode({ batchId, tap });
}

export type ImportCallback =
  | { action: ImportAction; batchId: number }
  | { action: "dym"; batchId: number; index: number; memberChosen: boolean }
  | { action: "notes"; batchId: number; tap: NoteTap };

/** The preview's taps, as the import feature reads them. */
export const importButtons = mapTaps(importButtonCodecs, (tap): ImportCallback => {
  switch (tap.kind) {
    case "dym":
      return { action: "dym", batchId: tap.batchId, index: tap.index, memberChosen: tap.memberChosen };
    case "notes":
      return { action: "notes", batchId: tap.batchId, tap: tap.tap };
    default:
      return { action: tap.kind, batchId: tap.batchId };
  }
});

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
