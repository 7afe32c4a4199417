// The end-to-end tests run the built program (dist/). Built from older sources it would test old code and
// pass or fail for the wrong reason, so a test that needs it stops first with what to do.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "../..");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : entry.name.endsWith(".ts") ? statSync(path).mtimeMs : 0);
  }
  return newest;
}

let checked = false;

/** The path of a built file (e.g. "dist/main.js"), after checking dist/ is there and not older than src/. */
export function built(file: string): string {
  const path = join(repoRoot, file);
  if (!checked) {
    const main = join(repoRoot, "dist/main.js");
    if (!existsSync(main)) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
    if (statSync(main).mtimeMs < newestSource(join(repoRoot, "src"))) throw new Error("dist/ is older than src/: run `npm run build` first (npm test does).");
    checked = true;
  }
  return path;
}
