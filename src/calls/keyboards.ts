// Callback data for call cards, the daily list and scripts. Short, typed, and never trusted: every decoded
// value is checked against the database by the handler.
import { InlineKeyboard } from "grammy";
import { callbackData, callbackSet, codes, field, id, int, NOT_A_VALUE, oneOf, optional } from "../bot/callback-data.js";
import type { LostReason, Terms } from "../db/schema.js";
import type { CallRef } from "./calls.js";
import type { Translate } from "../platform/locale.js";
import { TOUCH_KINDS, touchScriptKey } from "../stars/scripts.js";

export type CardAction = "reached" | "no_answer" | "callback" | "lost" | "back";
export type DatePick = "w1" | "m1" | "m3" | "m6" | "typed";

const action = codes<CardAction>([
  ["reached", "r"],
  ["no_answer", "n"],
  ["callback", "b"],
  ["lost", "l"],
  ["back", "x"],
]);
const reason = codes<LostReason>([
  ["went_with_leaver", "wl"],
  ["competitor", "co"],
  ["no_need", "nn"],
  ["other", "ot"],
]);
const pick = codes<DatePick>([
  ["w1", "w1"],
  ["m1", "m1"],
  ["m3", "m3"],
  ["m6", "m6"],
  ["typed", "t"],
]);

/** A card's call: `123` (a call), `c45` (a client's card with no call yet), `c45s67` (…as seen at 67). */
const callId = id();
const seenAt = int();
const callRef = field<CallRef>({
  encode: (ref) => ("callId" in ref ? callId.encode(ref.callId) : `c${callId.encode(ref.clientId)}${ref.seen !== undefined ? `s${seenAt.encode(ref.seen)}` : ""}`),
  decode(raw) {
    if (!raw.startsWith("c")) {
      const call = callId.decode(raw);
      return call === NOT_A_VALUE ? NOT_A_VALUE : { callId: call };
    }
    const [client, seen, ...rest] = raw.slice(1).split("s");
    const clientId = callId.decode(client!);
    if (clientId === NOT_A_VALUE || rest.length > 0) return NOT_A_VALUE;
    if (seen === undefined) return { clientId };
    const at = seenAt.decode(seen);
    return at === NOT_A_VALUE ? NOT_A_VALUE : { clientId, seen: at };
  },
});

/** Taps on call cards, and the client card's "log a call" (owned by the clients feature, answered here). */
export const callButtons = callbackSet({
  open: callbackData("call:o", { ref: callRef }),
  /**
   * `attempts`: on "No answer", the attempts the card was drawn with — a repeat tap of the same card finds
   * them changed and records nothing (taps of a chat run one at a time). Old buttons carry none.
   */
  action: callbackData("call:a", { ref: callRef, action, attempts: optional(int()) }),
  pick: callbackData("call:d", { ref: callRef, pick }),
  reason: callbackData("call:lr", { ref: callRef, reason }),
  log: callbackData("call:log", { clientId: id() }),
});

/** Buttons inside the call-outcome conversation (skip the note, cancel typing a date). */
export const callDialogueButtons = callbackSet(
  {
    skip: callbackData("call:q:skip"),
    cancel: callbackData("call:q:cancel"),
  },
  "call:q",
);

export const callData = {
  open: (ref: CallRef) => callButtons.codecs.open.encode({ ref }),
  action: (ref: CallRef, a: CardAction, attempts?: number) => callButtons.codecs.action.encode({ ref, action: a, attempts }),
  pick: (ref: CallRef, p: DatePick) => callButtons.codecs.pick.encode({ ref, pick: p }),
  reason: (ref: CallRef, r: LostReason) => callButtons.codecs.reason.encode({ ref, reason: r }),
  /** The client card's "log a call" button. */
  log: (clientId: number) => callButtons.codecs.log.encode({ clientId }),
};

/**
 * `byLetter`: the lead's touch, which may be a personal message instead of a call ("the director's letter").
 * `attempts`: the card's call's unanswered attempts, carried by "No answer" (none: no call yet).
 */
export function cardKeyboard(t: Translate, ref: CallRef, mode: "main" | "reached" | "lost", options: { byLetter?: boolean; attempts?: number } = {}): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (mode === "reached") {
    kb.text(t("call-btn-week"), callData.pick(ref, "w1")).text(t("call-btn-month"), callData.pick(ref, "m1")).row();
    kb.text(t("call-btn-3months"), callData.pick(ref, "m3")).text(t("call-btn-6months"), callData.pick(ref, "m6")).row();
    kb.text(t("call-btn-type-date"), callData.pick(ref, "typed")).text(t("call-btn-back"), callData.action(ref, "back"));
    return kb;
  }
  if (mode === "lost") {
    for (const reason of ["went_with_leaver", "competitor", "no_need", "other"] as const) {
      kb.text(t("call-btn-lost-reason", { reason }), callData.reason(ref, reason)).row();
    }
    kb.text(t("call-btn-back"), callData.action(ref, "back"));
    return kb;
  }
  kb.text(t(options.byLetter ? "call-btn-reached-or-wrote" : "call-btn-reached"), callData.action(ref, "reached"))
    .text(t("call-btn-no-answer"), callData.action(ref, "no_answer", options.attempts))
    .row();
  kb.text(t("call-btn-callback"), callData.action(ref, "callback")).text(t("call-btn-lost"), callData.action(ref, "lost"));
  return kb;
}

export const dialogData = {
  skip: callDialogueButtons.codecs.skip.encode(),
  cancel: callDialogueButtons.codecs.cancel.encode(),
};

// --- the daily list ---------------------------------------------------------------------------

export const todayButtons = callbackSet({
  /** "Open my calls" on a nag or digest: a fresh list. */
  show: callbackData("today:show"),
  /** Paging edits the list in place. */
  page: callbackData("today:p", { page: int({ max: 9999 }) }),
});

export const todayData = {
  show: todayButtons.codecs.show.encode(),
  page: (page: number) => todayButtons.codecs.page.encode({ page }),
};

// --- scripts ----------------------------------------------------------------------------------

const scriptLocale = oneOf(["ru", "en"]);
/** The terms' scripts and the second-voice touches' (stored under `touch_<kind>`, see stars/scripts.ts). */
const scriptTerms = codes<Terms>([...(["good", "bad"] as const), ...TOUCH_KINDS.map(touchScriptKey)].map((terms) => [terms, terms] as const));

export const scriptButtons = callbackSet({
  locale: callbackData("scr:l", { locale: scriptLocale }),
  edit: callbackData("scr:e", { terms: scriptTerms, locale: scriptLocale }),
  reset: callbackData("scr:r", { terms: scriptTerms, locale: scriptLocale }),
});

export const scriptDialogueButtons = callbackSet({ cancel: callbackData("scr:q:cancel") }, "scr:q");

export const scriptData = {
  locale: (locale: "ru" | "en") => scriptButtons.codecs.locale.encode({ locale }),
  edit: (terms: Terms, locale: "ru" | "en") => scriptButtons.codecs.edit.encode({ terms, locale }),
  reset: (terms: Terms, locale: "ru" | "en") => scriptButtons.codecs.reset.encode({ terms, locale }),
  cancel: scriptDialogueButtons.codecs.cancel.encode(),
};
