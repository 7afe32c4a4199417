// Shortening what people typed (names, notes, step titles) for a line or a button. Cut before escaping,
// so no HTML entity is cut in half; counted in characters, so no emoji is cut in half.

/** At most `max` characters: the start and "…" when longer (spaces before the "…" dropped). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 length ≥ characters: short enough either way
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

/** `clip` on one line: runs of spaces and line breaks become one space first (a list line shows the start). */
export function clipLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, " ").trim(), max);
}
