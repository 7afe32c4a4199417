// A commitment as a person types it («прислать КП и счёт к пятнице», "promised free delivery by the end
// of the month") -> its kind, its due date and the text without the date. The kind rule is shared with the
// import (src/clients/import/commitment-kind.ts); dates are read by date-input.ts on the team's calendar.
import type { CommitmentKind } from "../db/schema.js";
import { classifyCommitment } from "./import/commitment-kind.js";
import { parseUserDate, type DateInputRef } from "../platform/date-input.js";

export interface ReadCommitment {
  kind: CommitmentKind;
  /** The text without the due-date words, or the whole text when nothing else would be left. */
  text: string;
  dueOn: string | null;
}

const MAX_WINDOW = 5;
const CONNECTORS = new Set(["до", "к", "ко", "в", "во", "на", "не", "позднее", "by", "until", "till", "before", "on", "due", "—", "–", "-", ":"]);
const YEARLESS_NUMBER = /^\d{1,2}[./]\d{1,2}$/u;
const EDGE_PUNCTUATION = /^[\s,;:—–-]+|[\s,;:—–(-]+$/gu;

export function readCommitment(typed: string, ref: DateInputRef): ReadCommitment {
  const text = typed.replace(/\s+/g, " ").trim();
  const found = findDueWords(text, ref);
  if (!found) return { kind: classifyCommitment(text, false), text, dueOn: null };
  return { kind: classifyCommitment(text, true), text: found.rest, dueOn: found.dueOn };
}

/** The words that make a date: at the end first (the usual place), then at the start, then a number. */
function findDueWords(text: string, ref: DateInputRef): { dueOn: string; rest: string } | null {
  const words = text.split(" ");
  const clean = (w: string) => w.replace(/[,;!?]+$/u, "").replace(/\.$/u, "");
  const tryWindow = (from: number, to: number): { dueOn: string; rest: string } | null => {
    const phrase = words.slice(from, to).map(clean).join(" ");
    // A bare «2.10» needs a connector before it («до 2.10») or the whole message: «до версии 2.10» is no date.
    if (YEARLESS_NUMBER.test(phrase) && from > 0 && !CONNECTORS.has(words[from - 1]!.toLowerCase())) return null;
    const dueOn = parseUserDate(phrase, ref);
    return dueOn ? { dueOn, rest: restOf(words, from, to, text) } : null;
  };
  const n = words.length;
  for (let k = Math.min(MAX_WINDOW, n); k >= 1; k--) {
    const found = tryWindow(n - k, n);
    if (found) return found;
  }
  for (let k = Math.min(MAX_WINDOW, n - 1); k >= 1; k--) {
    const found = tryWindow(0, k);
    if (found) return found;
  }
  for (let i = 1; i < n - 1; i++) {
    if (!/^\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?[,.;]?$/u.test(words[i]!)) continue; // «договор до 30.11 подписать»
    const found = tryWindow(i, i + 1);
    if (found) return found;
  }
  return null;
}

/** The text without words[from, to) and the connectors («до», "by") right before them. */
function restOf(words: string[], from: number, to: number, whole: string): string {
  let start = from;
  while (start > 0 && CONNECTORS.has(words[start - 1]!.toLowerCase())) start--;
  const rest = [...words.slice(0, start), ...words.slice(to)].join(" ").replace(EDGE_PUNCTUATION, "");
  return /[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(rest) ? rest : whole;
}
