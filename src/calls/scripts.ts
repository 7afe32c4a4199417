// Reactivation call scripts: the team's own wording per terms and language, or the built-in text.
// Templates are plain text with {client}, {leaver} and {manager} placeholders; the built-in ones live in
// the locale files (script-default-good / script-default-bad), so wording stays with the other texts.
import { and, eq, sql } from "drizzle-orm";
import { callScripts, type Terms } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";

export const SCRIPT_PLACEHOLDERS = ["client", "leaver", "manager"] as const;
export type ScriptPlaceholder = (typeof SCRIPT_PLACEHOLDERS)[number];
export type ScriptVars = Record<ScriptPlaceholder, string>;

export const SCRIPT_MIN_LENGTH = 20;
/** The script travels inside a call card; the card must stay under Telegram's 4096 characters. */
export const SCRIPT_MAX_LENGTH = 2500;

/** Turns a built-in locale text into a template: `translate(key, vars)` is handed the placeholders themselves. */
export function defaultScriptTemplate(translate: (key: string, vars: Record<string, string>) => string, terms: Terms): string {
  return translate(`script-default-${terms}`, { client: "{client}", leaver: "{leaver}", manager: "{manager}" });
}

export interface TeamScript {
  text: string;
  custom: boolean;
}

/** A call card reads the team's script on every draw: prepared once per connection. */
const scriptText = preparedOnce((db) =>
  db
    .select({ text: callScripts.text })
    .from(callScripts)
    .where(and(eq(callScripts.teamId, sql.placeholder("teamId")), eq(callScripts.terms, sql.placeholder("terms")), eq(callScripts.locale, sql.placeholder("locale"))))
    .prepare(),
);

/** The team's own template, or the given default (a function: worked out only when there is no own one). */
export function scriptTemplate(db: DbOrTx, input: { teamId: number; terms: Terms; locale: string; fallback: string | (() => string) }): TeamScript {
  const text = scriptText(db).get({ teamId: input.teamId, terms: input.terms, locale: input.locale })?.text;
  if (text !== undefined) return { text, custom: true };
  return { text: typeof input.fallback === "function" ? input.fallback() : input.fallback, custom: false };
}

export function saveScript(db: DbOrTx, input: { teamId: number; terms: Terms; locale: string; text: string; now: Date }): void {
  db.insert(callScripts)
    .values({ teamId: input.teamId, terms: input.terms, locale: input.locale, text: input.text, updatedAt: input.now.getTime() })
    .onConflictDoUpdate({
      target: [callScripts.teamId, callScripts.terms, callScripts.locale],
      set: { text: input.text, updatedAt: input.now.getTime() },
    })
    .run();
}

/** Back to the built-in text. Returns false when there was nothing to reset. */
export function resetScript(db: DbOrTx, input: { teamId: number; terms: Terms; locale: string }): boolean {
  return (
    db
      .delete(callScripts)
      .where(and(eq(callScripts.teamId, input.teamId), eq(callScripts.terms, input.terms), eq(callScripts.locale, input.locale)))
      .returning({ teamId: callScripts.teamId })
      .all().length > 0
  );
}

export type ScriptProblem =
  | { code: "too_short" }
  | { code: "too_long"; max: number }
  | { code: "unknown_placeholder"; name: string }
  | { code: "unbalanced_braces" };

/** Checks a template typed by a lead: only known placeholders, braces in pairs, a sensible length. */
export function validateScriptTemplate(text: string): { ok: true; text: string } | { ok: false; problem: ScriptProblem } {
  const clean = text.replace(/\r\n?/g, "\n").trim();
  if (clean.length < SCRIPT_MIN_LENGTH) return { ok: false, problem: { code: "too_short" } };
  if (clean.length > SCRIPT_MAX_LENGTH) return { ok: false, problem: { code: "too_long", max: SCRIPT_MAX_LENGTH } };
  for (const m of clean.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1]!.trim();
    if (![...SCRIPT_PLACEHOLDERS, "owner"].includes(name)) return { ok: false, problem: { code: "unknown_placeholder", name: `{${m[1]}}` } };
  }
  if (/[{}]/.test(clean.replace(/\{\s*(client|leaver|manager|owner)\s*\}/g, ""))) return { ok: false, problem: { code: "unbalanced_braces" } };
  return { ok: true, text: clean };
}

/** Fills the placeholders; the result is plain text (escape it for HTML). */
export function renderScript(template: string, vars: ScriptVars): string {
  return template.replace(/\{\s*(client|leaver|manager)\s*\}/g, (_, name: ScriptPlaceholder) => vars[name]);
}
