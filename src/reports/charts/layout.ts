// Sizes shared by every chart: readable on a phone once Telegram scales a 1080 px picture to the screen.
import { clipLine } from "../../platform/format/clip.js";

export const CHART_WIDTH = 1080;
export const FONT_FAMILY = "Noto Sans";
export const FONT = { title: 38, subtitle: 28, label: 26, value: 24, axis: 24, legend: 26 } as const;
/** Height of one manager's bar row in the progress chart. */
export const ROW_HEIGHT = 50;
/** More managers than this: the progress chart is split into pages (pictures) of this many. */
export const MANAGERS_PER_PAGE = 40;
/** Names longer than this are cut with "…". */
export const NAME_MAX_CHARS = 22;

/** A name on a chart: one line, at most `max` characters. */
export function ellipsis(text: string, max = NAME_MAX_CHARS): string {
  return clipLine(text, max);
}
