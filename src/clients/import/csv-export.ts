// Client lists back out as CSV that Russian Excel opens correctly on double-click: UTF-8 with a BOM
// (otherwise Excel assumes Windows-1251), ";" as the separator (Russian locale's list separator), CRLF.
// Text cells starting with = + - @ tab or CR get a leading ' so Excel never evaluates them as formulas
// (CSV injection); numbers are written as numbers and are not touched.
import { stringify } from "csv-stringify/sync";

export function toCsvForExcel(headers: string[], rows: (string | number | null)[][]): Buffer {
  const csv = stringify([headers, ...rows], {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    // Without this, a record delimiter other than the default turns off quoting of line breaks.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
  return Buffer.from(csv, "utf8");
}
