// Every message is sent with parse_mode HTML; anything a person typed must be escaped first.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes translation variables. A variable whose name ends in `Html` is trusted markup built by our
 * own code (itself from escaped parts) and passes as is.
 */
export function escapeVars<T extends Record<string, unknown>>(vars: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(vars)) {
    out[key] = typeof value === "string" && !key.endsWith("Html") ? escapeHtml(value) : value;
  }
  return out as T;
}
