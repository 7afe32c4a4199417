// Run before `npm start` and the command-line tools: builds dist/ when it is missing or older than src/,
// so a developer never runs stale code, while a production install (no TypeScript) runs dist/ as it is.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "main.js");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const hasSources = existsSync(join(root, "src"));
const current = existsSync(built) && (!hasSources || statSync(built).mtimeMs >= newestSource(join(root, "src")));
if (!current) {
  if (existsSync(tsc) && hasSources) {
    console.error("Building dist/ (src/ changed since the last build)…");
    execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  } else if (!existsSync(built)) {
    console.error("dist/ is missing and TypeScript is not installed here: run `npm ci && npm run build` (see README, Production).");
    process.exit(1);
  }
}
