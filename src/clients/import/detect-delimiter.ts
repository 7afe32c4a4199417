// Which of ; , TAB separates the cells? The header knows best: the right delimiter is the one that
// splits some early row into recognisable column names («ФИО;Телефон» -> 2 known columns; split on
// "," it is one unknown column). Counting delimiters alone is fooled by a one-column file of
// «Иванов, Иван» names, so counting is only the fallback when no row reads as a header.
import Papa from "papaparse";
import { cleanLine } from "./clean-text.js";
import { planColumns } from "./header-synonyms.js";
import { DELIMITERS, guessDelimiterByCounts, type Delimiter } from "./read-csv.js";

const SAMPLE_CHARS = 64 * 1024;
const HEADER_SEARCH_ROWS = 10;

/** `text`: the start of the file (the whole file is fine too). */
export function detectDelimiter(text: string): Delimiter {
  const sample = sampleOf(text);
  let best: { delimiter: Delimiter; matched: number; split: boolean } | null = null;
  for (const delimiter of DELIMITERS) {
    const header = findHeader(sample, delimiter);
    if (!header) continue;
    const better =
      !best ||
      header.matched > best.matched ||
      // Same columns understood: prefer the delimiter that really occurs in the header row.
      (header.matched === best.matched && header.split && !best.split);
    if (better) best = { delimiter, ...header };
  }
  if (best && best.split) return best.delimiter;
  if (best) return rarest(sample); // a one-column file: split on nothing that occurs in it
  return guessDelimiterByCounts(sample);
}

/** At most 64K characters, cut after the last line break so the sample does not end mid-record. */
function sampleOf(text: string): string {
  const head = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const cut = head.lastIndexOf("\n");
  return cut > 0 ? head.slice(0, cut + 1) : head;
}

function findHeader(sample: string, delimiter: Delimiter): { matched: number; split: boolean } | null {
  // The same parser as the rows (read-csv.ts). A sample that ends inside a quoted multi-line cell only
  // spoils its last record, which is past the rows searched unless the file has fewer.
  const records = Papa.parse<string[]>(sample, { delimiter, quoteChar: '"', escapeChar: '"', header: false, skipEmptyLines: "greedy", preview: HEADER_SEARCH_ROWS }).data;
  for (const record of records) {
    const plan = planColumns(record.map(cleanLine));
    if (plan.name.length > 0) return { matched: plan.matched, split: record.length > 1 };
  }
  return null;
}

function rarest(sample: string): Delimiter {
  let choice: Delimiter = DELIMITERS[0];
  let fewest = Infinity;
  for (const d of DELIMITERS) {
    const count = sample.split(d).length - 1;
    if (count < fewest) {
      choice = d;
      fewest = count;
    }
  }
  return choice;
}
