// "Now" has one source in the program: the injected clock (src/platform/clock.ts). A direct read of the
// machine's time anywhere else ignores the team clock (and a test's), so it fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const CLOCK_MODULE = "src/platform/clock.ts";

/** Reads of the current time: Date.now(), new Date() with no argument, Date() as a function, luxon's and conversations' "now". */
const TIME_READS = [
  /\bDate\.now\s*\(/,
  /\bnew\s+Date\s*\(\s*\)/,
  /(?<![\w.])Date\s*\(\s*\)/,
  /\bDateTime\.(now|local|utc)\s*\(\s*\)/,
  /\bconversation\.now\s*\(/,
  /\bperformance\.now\s*\(/,
];

function timeReads(source: string): string[] {
  return source
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\*)/.test(line))
    .filter((line) => TIME_READS.some((re) => re.test(line)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("reads of the current time", () => {
  it("recognises every way of reading the machine's time, and not a date built from a value", () => {
    for (const line of ["const t = Date.now();", "x = new Date();", "const s = Date();", "DateTime.now()", "DateTime.local()", "await conversation.now()", "performance.now()"]) {
      expect(timeReads(line), line).toEqual([line]);
    }
    for (const line of ["new Date(ms)", "new Date(now.getTime() + 1)", "DateTime.fromJSDate(now)", "// Date.now() in a comment", "isDate()"]) {
      expect(timeReads(line), line).toEqual([]);
    }
  });

  it("happen only in the clock module", () => {
    const offenders = sourceFiles(join(root, "src"))
      .filter((file) => relative(root, file) !== CLOCK_MODULE)
      .flatMap((file) => timeReads(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});
