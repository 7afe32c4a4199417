// npm run bench: runs every bench/*.bench.ts (or the ones named on the command line), prints a table
// and writes bench/results.json for comparing versions.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchModule, BenchResult } from "./lib.js";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  console.error(`running ${file}…`);
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as BenchModule;
  results.push(...(await mod.run()));
}

const rows = results.map((r) => [r.name, String(r.value), r.unit, r.baseline === undefined ? "" : String(r.baseline), r.ratio === undefined ? "" : String(r.ratio)]);
const header = ["name", "value", "unit", "baseline", "ratio"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
// A partial run (`npm run bench -- taps`) updates its own figures and keeps the others'.
const file = new URL("results.json", import.meta.url);
const fresh = new Set(results.map((r) => r.name));
const kept = only.length > 0 && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BenchResult[]).filter((r) => !fresh.has(r.name)) : [];
writeFileSync(file, JSON.stringify([...kept, ...results], null, 2) + "\n");
console.error(`wrote bench/results.json (${results.length} figures)`);
