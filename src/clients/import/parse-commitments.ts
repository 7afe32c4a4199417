// A commitments cell («договор до 30.11; акт сверки — 2026-12-05\nперезвонить») -> items with due dates;
// a bulleted cell («• скидка 5%; доставка\n• акт»), as /export writes it, is one item a line.
// A trailing date is taken as the due date when the word or sign right before it is a connector
// («до», «к», «—», «:», «by»…) or when it carries a year, so «обновить до версии 2.10» stays plain text.
// A year-less date means its next occurrence from `today`.
import { capLength, cleanLine } from "./clean-text.js";
import { isPlausible, parseDateText, type Day } from "./parse-dates.js";
import type { CommitmentKind, ParsedCommitment } from "./types.js";

export const MAX_COMMITMENT_LENGTH = 500;

const ITEM_SEPARATORS = /\s*(?:;|\r\n|\r|\n)\s*/;
const HAS_SEPARATOR = /[;\r\n]/;
const LINE_BREAKS = /\s*(?:\r\n|\r|\n)\s*/;
const BULLET_START = /^[-•*·–—\d]/;
const BULLET = /^(?:[-•*·–—]\s+|\d{1,2}[.)]\s+)/;
// dd.mm, dd.mm.yy(yy), yyyy-mm-dd, «30 ноября [2026]», optionally «г.», a closing bracket or a full stop.
const DATE_AT_END = /(\d{1,2}[./]\d{2}(?:[./](?:\d{4}|\d{2}))?|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}{3,}\.?(?:\s+\d{4})?)\s*(?:г\.?)?\s*\)?\s*\.?$/u;
const HAS_YEAR = /^\d{4}-|[./]\d{2,4}[./]\d{2,4}$|\s\d{4}$/;
const CONNECTOR_AT_END = /(?:^|[\s(])(?:до|к|ко|by|until|due|срок|deadline|не позднее)\s*:?\s*$|[—–:(-]\s*$/iu;
const TRAILING_PUNCTUATION = /[\s,;:—–(-]+$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HAS_DIGIT = /\d/;

export interface CommitmentCellResult {
  items: ParsedCommitment[];
  /** Items whose trailing due date does not exist (до 31.02): kept without a date. */
  badDates: string[];
  /** Items cut to MAX_COMMITMENT_LENGTH. */
  tooLong: string[];
}

export function parseCommitmentCell(text: string, kind: CommitmentKind, today: Day): CommitmentCellResult {
  const result: CommitmentCellResult = { items: [], badDates: [], tooLong: [] };
  parseCommitmentCellInto(text, kind, today, result);
  return result;
}

/** The same, appending to the caller's arrays (the row validator reuses them for every row). */
export function parseCommitmentCellInto(text: string, kind: CommitmentKind, today: Day, out: CommitmentCellResult): void {
  if (text === "") return;
  const parts = bulletedLines(text) ?? (HAS_SEPARATOR.test(text) ? text.split(ITEM_SEPARATORS) : [text]);
  for (const raw of parts) {
    let item = cleanLine(raw);
    if (item.length > 1 && BULLET_START.test(item)) item = item.replace(BULLET, "");
    if (item === "") continue;
    if (item.length > MAX_COMMITMENT_LENGTH) {
      out.tooLong.push(item);
      item = capLength(item, MAX_COMMITMENT_LENGTH);
    }
    const due = splitDueDate(item, today);
    if (due === "bad") {
      out.badDates.push(item);
      out.items.push({ kind, text: item, dueOn: null });
    } else {
      out.items.push({ kind, text: due?.text ?? item, dueOn: due?.dueOn ?? null });
    }
  }
}

/**
 * A cell whose every line starts with a bullet («• скидка 5%; доставка\n• акт сверки», as /export writes
 * several items) is a list of one item a line: a ";" inside a line is part of the item. Else null.
 */
function bulletedLines(text: string): string[] | null {
  const trimmed = text.trim();
  if (!BULLET.test(trimmed)) return null; // most cells: one test and done
  const lines = trimmed.split(LINE_BREAKS).filter((line) => line !== "");
  return lines.every((line) => BULLET.test(line)) ? lines : null;
}

function splitDueDate(item: string, today: Day): { text: string; dueOn: string } | "bad" | null {
  if (!HAS_DIGIT.test(item)) return null; // spares most items the end-anchored scan below
  const m = DATE_AT_END.exec(item);
  if (!m) return null;
  if (m.index > 0 && LETTER_OR_DIGIT.test(item[m.index - 1]!)) return null; // «№12.05», «v1.20»
  const dateText = m[1]!;
  let head = item.slice(0, m.index);
  const connector = CONNECTOR_AT_END.exec(head);
  if (!connector && !HAS_YEAR.test(dateText)) return null;
  if (connector) head = head.slice(0, connector.index);
  const dueOn = parseDateText(dateText, "future", today);
  if (dueOn === undefined) return null; // «до 30 попугаев»
  if (dueOn === null || !isPlausible(dueOn, today)) return "bad";
  const text = head.replace(TRAILING_PUNCTUATION, "");
  return { text: text === "" ? item : text, dueOn };
}
