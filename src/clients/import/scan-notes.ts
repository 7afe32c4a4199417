// A CRM notes column hides commitments: «Нет — договор до 30.11», «Ждёт документы; паспорт». This finds
// them so the lead can keep all, none or some (nothing becomes a commitment without that answer).
// Taken: a part of a note with a due date after a connector («до 30.11», «к 5 декабря», "by 1.12.2026"),
// and a part naming a paper («документы», «паспорт», «счёт»). Relative dates («к пятнице») are left alone:
// nobody knows on which day a note was written. Pure and regex-only: it runs on every row of big files.
import { capLength, cleanLine } from "./clean-text.js";
import { classifyCommitment, mentionsDocument } from "./commitment-kind.js";
import { isPlausible, parseDateText, type Day } from "./parse-dates.js";
import { MAX_COMMITMENT_LENGTH } from "./parse-commitments.js";
import type { NoteFinding } from "./types.js";

/** Parts of a note: items of a list, sentences, and the two sides of a dash («Нет — договор до 30.11»). */
const PARTS = /\s*(?:[;\r\n]|\s[—–-]\s|(?<=[.!?])\s+(?=\p{Lu}))\s*/u;
const DATE = "(\\d{1,2}[./]\\d{1,2}(?:[./](?:\\d{4}|\\d{2}))?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+\\p{L}{3,}\\.?(?:\\s+\\d{4})?)";
const DUE = new RegExp(`(?<![\\p{L}\\p{N}])(?:до|к|ко|by|until|due|срок|не позднее)\\s*:?\\s+${DATE}(?:\\s*г\\.?)?(?![\\p{N}])`, "iu");
const HAS_DIGIT = /\d/;
const MEANINGFUL = /[\p{L}\p{N}].*[\p{L}\p{N}]/u;
const EDGES = /^[\s,;:—–(-]+|[\s,;:—–(-]+$/gu;
/** A note is notes, not a list of chores: more than this many findings in one is noise. */
const MAX_PER_NOTE = 10;

export function scanNotes(notes: string, today: Day, nextIndex: () => number): NoteFinding[] {
  const found: NoteFinding[] = [];
  for (const raw of notes.split(PARTS)) {
    const part = cleanLine(raw);
    if (part.length < 2 || found.length >= MAX_PER_NOTE) continue;
    const item = capLength(part, MAX_COMMITMENT_LENGTH);
    const due = HAS_DIGIT.test(item) ? DUE.exec(item) : null;
    const dueOn = due ? parseDateText(due[1]!, "future", today) : undefined;
    if (due && typeof dueOn === "string" && isPlausible(dueOn, today)) {
      const rest = (item.slice(0, due.index) + " " + item.slice(due.index + due[0].length)).replace(/\s+/g, " ").replace(EDGES, "");
      found.push({ index: nextIndex(), kind: classifyCommitment(item, true), text: MEANINGFUL.test(rest) ? rest : item, dueOn });
    } else if (mentionsDocument(item)) {
      found.push({ index: nextIndex(), kind: classifyCommitment(item, false), text: item, dueOn: null });
    }
  }
  return found;
}
