// Second-voice scripts, one per kind of touch and language: the team's own wording (stored with the call
// scripts under `touch_<kind>`) or the built-in text from the locale files. Placeholders: {client},
// {manager} (who calls) and {owner} (the client's own manager). No discounts, ever.
import type { Terms, TouchKind } from "../db/schema.js";
import { scriptTemplate, type TeamScript } from "../calls/scripts.js";
import type { DbOrTx } from "../db/client.js";

export const TOUCH_KINDS: readonly TouchKind[] = ["colleague", "quality", "lead"];

/** The key a touch script is stored under in call_scripts (next to the reactivation scripts' terms). */
export const touchScriptKey = (kind: TouchKind) => `touch_${kind}` as unknown as Terms;

export function defaultTouchTemplate(translate: (key: string, vars: Record<string, string>) => string, kind: TouchKind): string {
  return translate(`script-touch-${kind}`, { client: "{client}", manager: "{manager}", owner: "{owner}" });
}

export function touchTemplate(db: DbOrTx, input: { teamId: number; kind: TouchKind; locale: string; translate: (key: string, vars: Record<string, string>) => string }): TeamScript {
  return scriptTemplate(db, { teamId: input.teamId, terms: touchScriptKey(input.kind), locale: input.locale, fallback: () => defaultTouchTemplate(input.translate, input.kind) });
}

/** Fills the placeholders; plain text (escape it for HTML). {leaver} in a touch script means the owner too. */
export function renderTouchScript(template: string, vars: { client: string; manager: string; owner: string }): string {
  return template.replace(/\{\s*(client|manager|owner|leaver)\s*\}/g, (_, name: string) => (name === "leaver" ? vars.owner : vars[name as "client" | "manager" | "owner"]));
}
