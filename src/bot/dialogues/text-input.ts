// Small guards for what people type into dialogues: invisible "text" and echoing a long message back.
import { clip } from "../../platform/format/clip.js";

/** Any character that is neither white space nor an invisible format character (Cf: ZWSP, ZWJ, bidi marks, BOM). */
const VISIBLE = /[^\s\p{Cf}]/u;

/** True when the text shows at least one visible character (a name of zero-width spaces is no name). */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * What a re-ask may quote of the person's message: at most `max` characters (`clip` never splits an
 * emoji, whose lone surrogate makes Telegram refuse the message), so a pasted 5,000-character text
 * cannot push the reply over Telegram's 4096-character limit.
 */
export function quoteBack(text: string, max = 100): string {
  return clip(text, max);
}
