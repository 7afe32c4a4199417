// Every text exists in Russian and English, and every key the code asks for exists.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

function keysOf(locale: string): Map<string, string> {
  const keys = new Map<string, string>();
  const dir = join(root, "locales", locale);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const m = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
      if (m) keys.set(m[1]!, file);
    }
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("locales", () => {
  const ru = keysOf("ru");
  const en = keysOf("en");

  it("have the same keys in Russian and English", () => {
    expect([...ru.keys()].filter((k) => !en.has(k)), "missing in en").toEqual([]);
    expect([...en.keys()].filter((k) => !ru.has(k)), "missing in ru").toEqual([]);
  });

  it("define every literal key the code translates", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z][\w-]*)"/g)) {
        if (m[1] !== "ru" && m[1] !== "en" && !ru.has(m[1]!)) missing.push(`${relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
