// Every message is sent with parse_mode HTML; anything a person typed must be escaped first.
const HTML_SPECIAL = /[&<>]/;

export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text; // most texts have nothing to escape: no copies
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes translation variables. A variable whose name ends in `Html` is trusted markup built by our
 * own code (itself from escaped parts) and passes as is.
 */
export function escapeVars<T extends Record<string, unknown>>(vars: T): T {
  // Copied only when something needs escaping (most variables are ids, counts and plain names).
  let out: Record<string, unknown> | null = null;
  for (const key in vars) {
    const value = vars[key];
    if (typeof value === "string" && HTML_SPECIAL.test(value) && !key.endsWith("Html")) {
      out ??= { ...vars };
      out[key] = escapeHtml(value);
    }
  }
  return (out ?? vars) as T;
}
