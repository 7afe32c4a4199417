// Counts (never money): grouped the way the reader's language groups digits, «12 345» / "12,345".
// Fluent already formats numbers passed to a translation; this is for numbers put into text by code.
import type { Locale } from "../locale.js";

const formats = new Map<Locale, Intl.NumberFormat>();

export function formatCount(n: number, locale: Locale): string {
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return format.format(n);
}
