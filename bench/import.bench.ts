// Import of a 100,000-row amoCRM-shaped file (bench/import-file.ts: Windows-1251, `;`) through the whole
// path a lead's file takes — bytes -> parse -> preview -> confirm -> committed — next to a raw prepared
// INSERT of the same rows in one transaction. Each run is a fresh process of plain node on the built
// program (bench/import-path.mjs), so its peak RSS is the import's own, as with `npm run import`; `npm run
// bench` builds first. Rounds interleaved, medians of three.
//   import.whole_ratio_vs_raw   raw ms / whole-path ms (target >= 0.3)
//   import.peak_rss_mb          peak RSS of the whole-path process for the CSV (target < 250)
//   import.xlsx_peak_rss_mb     the same for an XLSX of the same rows, median of three too (target < 250)
//   import.whole_ms             the whole path's time, raw insert's as baseline
//   import.raw_peak_rss_mb      peak RSS of the floor's process (it parses the same file untimed first):
//                               what parsing 100,000 rows and inserting them costs before any preview
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { csv1251, HEADER, OWNERS, rowsOf } from "./import-file.js";
import { built } from "../test/support/built.js";
import { round, type BenchResult } from "./lib.js";

const ROWS = 100_000;
const ROUNDS = 3;

interface PathRun {
  ms: number;
  rows: number;
  peakRssMb: number;
}

function runPath(mode: "whole" | "raw", file: string): PathRun {
  const script = new URL("import-path.mjs", import.meta.url).pathname;
  const out = execFileSync(process.execPath, [script, mode, file, JSON.stringify(OWNERS)], { encoding: "utf8", maxBuffer: 1 << 20 });
  const run = JSON.parse(out.trim().split("\n").at(-1)!) as PathRun;
  if (run.rows !== ROWS) throw new Error(`${mode}: ${run.rows} rows of ${ROWS}`);
  return run;
}

async function writeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet("Контакты");
  ws.addRow(HEADER).commit();
  for (const r of rowsOf(ROWS)) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  built("dist/clients/import-batches.js"); // stops with what to do when dist/ is missing or older than src/
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  try {
    const csvPath = join(dir, "amocrm.csv");
    writeFileSync(csvPath, csv1251(ROWS));
    const xlsxPath = join(dir, "amocrm.xlsx");
    await writeXlsx(xlsxPath);
    const whole: PathRun[] = [];
    const raw: PathRun[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      whole.push(runPath("whole", csvPath));
      raw.push(runPath("raw", csvPath));
      console.error(`import: whole ${round(whole.at(-1)!.ms)} ms (peak ${round(whole.at(-1)!.peakRssMb)} MB), raw ${round(raw.at(-1)!.ms)} ms (peak ${round(raw.at(-1)!.peakRssMb)} MB)`);
    }
    const xlsx: PathRun[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      xlsx.push(runPath("whole", xlsxPath));
      console.error(`import: xlsx whole ${round(xlsx.at(-1)!.ms)} ms, peak ${round(xlsx.at(-1)!.peakRssMb)} MB`);
    }
    const ratio = median(whole.map((w, i) => raw[i]!.ms / w.ms));
    return [
      { name: "import.whole_ratio_vs_raw", value: round(ratio, 3), unit: "ratio" },
      { name: "import.whole_ms", value: round(median(whole.map((w) => w.ms))), unit: "ms", baseline: round(median(raw.map((r) => r.ms))), ratio: round(ratio, 3) },
      { name: "import.peak_rss_mb", value: round(median(whole.map((w) => w.peakRssMb)), 1), unit: "MB" },
      { name: "import.xlsx_peak_rss_mb", value: round(median(xlsx.map((x) => x.peakRssMb)), 1), unit: "MB" },
      { name: "import.raw_peak_rss_mb", value: round(median(raw.map((r) => r.peakRssMb)), 1), unit: "MB" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
