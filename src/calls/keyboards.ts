// Callback data for call cards, the daily list and scripts. Short, typed, and never trusted: every decoded
// value is checked against the database by the handler.
import { InlineKeyboard } from "grammy";
import type { LostReason, Terms } from "../db/schema.js";
import type { CallRef } from "./calls.js";
import type { Translate } from "../platform/locale.js";

export type CardAction = "reached" | "no_answer" | "callback" | "lost" | "back";
export type DatePick = "w1" | "m1" | "m3" | "m6" | "typed";

const actionCodes: Record<CardAction, string> = { reached: "r", no_answer: "n", callback: "b", lost: "l", back: "x" };
const reasonCodes: Record<LostReason, string> = { went_with_leaver: "wl", competitor: "co", no_need: "nn", other: "ot" };
const pickCodes: Record<DatePick, string> = { w1: "w1", m1: "m1", m3: "m3", m6: "m6", typed: "t" };
const invert = <K extends string>(rec: Record<K, string>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [v, k])) as Record<string, K>;
const actionByCode = invert(actionCodes);
const reasonByCode = invert(reasonCodes);
const pickByCode = invert(pickCodes);

/** Buttons inside the call-outcome conversation (skip the note, cancel typing a date). */
export const CALL_DIALOG_PREFIX = "call:q:";
export const SCRIPT_DIALOG_PREFIX = "scr:q:";

function refCode(ref: CallRef): string {
  return "callId" in ref ? String(ref.callId) : `c${ref.clientId}${ref.seen !== undefined ? `s${ref.seen}` : ""}`;
}

function parseRef(code: string | undefined): CallRef | null {
  if (!code) return null;
  const m = /^(c?)([1-9]\d{0,14})(?:s(\d{1,15}))?$/.exec(code);
  if (!m || (!m[1] && m[3] !== undefined)) return null;
  const id = Number(m[2]);
  if (!m[1]) return { callId: id };
  return m[3] === undefined ? { clientId: id } : { clientId: id, seen: Number(m[3]) };
}

export const callData = {
  open: (ref: CallRef) => `call:o:${refCode(ref)}`,
  action: (ref: CallRef, action: CardAction) => `call:a:${refCode(ref)}:${actionCodes[action]}`,
  pick: (ref: CallRef, pick: DatePick) => `call:d:${refCode(ref)}:${pickCodes[pick]}`,
  reason: (ref: CallRef, reason: LostReason) => `call:lr:${refCode(ref)}:${reasonCodes[reason]}`,
  /** The client card's "log a call" button (owned by the clients feature, answered here). */
  log: (clientId: number) => `call:log:${clientId}`,
};

export type CallTap =
  | { kind: "open"; ref: CallRef }
  | { kind: "action"; ref: CallRef; action: CardAction }
  | { kind: "pick"; ref: CallRef; pick: DatePick }
  | { kind: "reason"; ref: CallRef; reason: LostReason }
  | { kind: "log"; clientId: number };

export function decodeCallData(data: string): CallTap | null {
  const [prefix, verb, refPart, arg, ...rest] = data.split(":");
  if (prefix !== "call" || rest.length > 0) return null;
  if (verb === "log") {
    const ref = parseRef(refPart);
    return ref && "callId" in ref && arg === undefined ? { kind: "log", clientId: ref.callId } : null;
  }
  const ref = parseRef(refPart);
  if (!ref) return null;
  if (verb === "o" && arg === undefined) return { kind: "open", ref };
  if (verb === "a" && arg && actionByCode[arg]) return { kind: "action", ref, action: actionByCode[arg] };
  if (verb === "d" && arg && pickByCode[arg]) return { kind: "pick", ref, pick: pickByCode[arg] };
  if (verb === "lr" && arg && reasonByCode[arg]) return { kind: "reason", ref, reason: reasonByCode[arg] };
  return null;
}

/** `byLetter`: the lead's touch, which may be a personal message instead of a call ("the director's letter"). */
export function cardKeyboard(t: Translate, ref: CallRef, mode: "main" | "reached" | "lost", byLetter = false): InlineKeyboard {
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
  kb.text(t(byLetter ? "call-btn-reached-or-wrote" : "call-btn-reached"), callData.action(ref, "reached")).text(t("call-btn-no-answer"), callData.action(ref, "no_answer")).row();
  kb.text(t("call-btn-callback"), callData.action(ref, "callback")).text(t("call-btn-lost"), callData.action(ref, "lost"));
  return kb;
}

export const dialogData = {
  skip: `${CALL_DIALOG_PREFIX}skip`,
  cancel: `${CALL_DIALOG_PREFIX}cancel`,
};

// --- the daily list ---------------------------------------------------------------------------

export const todayData = {
  show: "today:show",
  page: (page: number) => `today:p:${page}`,
};

export function decodeTodayData(data: string): { page: number } | null {
  if (data === todayData.show) return { page: 0 };
  const m = /^today:p:(\d{1,4})$/.exec(data);
  return m ? { page: Number(m[1]) } : null;
}

// --- scripts ----------------------------------------------------------------------------------

export type ScriptTap = { kind: "locale"; locale: "ru" | "en" } | { kind: "edit" | "reset"; terms: Terms; locale: "ru" | "en" };

export const scriptData = {
  locale: (locale: "ru" | "en") => `scr:l:${locale}`,
  edit: (terms: Terms, locale: "ru" | "en") => `scr:e:${terms}:${locale}`,
  reset: (terms: Terms, locale: "ru" | "en") => `scr:r:${terms}:${locale}`,
  cancel: `${SCRIPT_DIALOG_PREFIX}cancel`,
};

export function decodeScriptData(data: string): ScriptTap | null {
  let m = /^scr:l:(ru|en)$/.exec(data);
  if (m) return { kind: "locale", locale: m[1] as "ru" | "en" };
  m = /^scr:([er]):(good|bad|touch_colleague|touch_quality|touch_lead):(ru|en)$/.exec(data);
  if (m) return { kind: m[1] === "e" ? "edit" : "reset", terms: m[2] as Terms, locale: m[3] as "ru" | "en" };
  return null;
}
