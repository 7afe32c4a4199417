// Every text exists in Russian and English, and every key the code asks for exists: the literal ones, and
// the keys built at run time (`checklist-refused-${reason}`, `settings-ask-${field}`, `help-${role}`, or
// one of a few literals) for every value they can take, as the type checker sees the code.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { menuCommands } from "../../src/bot/command-menu.js";

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

  describe("keys built at run time", () => {
    let keys: BuiltKey[];
    beforeAll(() => {
      keys = builtKeys();
    }, 180_000);

    it("are found where the code builds them", () => {
      const built = keys.filter((k) => k.template).map((k) => k.source);
      for (const family of ["`checklist-refused-${", "`settings-ask-${", "`help-${", "`menu-${"]) expect(built.some((s) => s.startsWith(family)), family).toBe(true);
    });

    it("can only take values the code's types (or the registry's lists) name", () => {
      expect(keys.filter((k) => k.values === null).map((k) => `${k.where}: ${k.source}`)).toEqual([]);
    });

    it("have a text in every language, whatever value they take", () => {
      const languages = readdirSync(join(root, "locales"));
      expect(languages.length).toBeGreaterThanOrEqual(2);
      const missing: string[] = [];
      for (const language of languages) {
        const defined = keysOf(language);
        for (const k of keys) for (const key of k.values ?? []) if (!defined.has(key)) missing.push(`${language} ${k.where}: ${key} (${k.source})`);
      }
      expect(missing).toEqual([]);
    });
  });
});

interface BuiltKey {
  where: string;
  source: string;
  template: boolean;
  /** Every key it can be; null when its type does not say (a plain string or number). */
  values: string[] | null;
}

/**
 * Keys whose values come from a list the code builds at run time rather than from a type: the command
 * menus, read from the capability registry.
 */
const RUN_TIME_LISTS: Record<string, readonly string[]> = { "menu-": menuCommands };

/** The finite values of a type: a string or number literal, or a union of them; null otherwise. */
function literalValues(type: ts.Type): string[] | null {
  if (type.isUnion()) {
    const all: string[] = [];
    for (const member of type.types) {
      const values = literalValues(member);
      if (!values) return null;
      all.push(...values);
    }
    return all;
  }
  if (type.isStringLiteral()) return [type.value];
  if (type.isNumberLiteral()) return [String(type.value)];
  return null;
}

/**
 * Every translation call (`t`, `ctx.t`, `translate`, `i18n.t(locale, key)`) in src/ whose key is not a
 * plain literal: a template (`help-${role}`) or an expression with literal values (`ok ? "a" : "b"`).
 * Its values come from the type checker: a template's placeholders must have literal union types.
 */
function builtKeys(): BuiltKey[] {
  const files = sourceFiles(join(root, "src"));
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: BuiltKey[] = [];
  for (const file of program.getSourceFiles().filter((f) => files.includes(f.fileName))) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        // The key is the parameter named `key` (i18n.t(locale, key, vars)), else the first argument.
        const parameters = name === "t" || name === "translate" ? (checker.getResolvedSignature(node)?.getParameters() ?? []) : [];
        const keyAt = Math.max(0, parameters.findIndex((p) => p.name === "key"));
        const arg = parameters.length > 0 ? node.arguments[keyAt] : undefined;
        if (arg && !ts.isStringLiteralLike(arg)) {
          const where = `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(arg.getStart()).line + 1}`;
          if (ts.isTemplateExpression(arg)) found.push({ where, source: arg.getText(), template: true, values: templateValues(checker, arg) });
          else {
            const values = literalValues(checker.getTypeAtLocation(arg));
            // A key held in a plain string variable is someone else's literal (checked where it is written).
            if (values) found.push({ where, source: arg.getText(), template: false, values });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

function templateValues(checker: ts.TypeChecker, template: ts.TemplateExpression): string[] | null {
  let keys = [template.head.text];
  for (const span of template.templateSpans) {
    const values = literalValues(checker.getTypeAtLocation(span.expression)) ?? (keys.length === 1 ? (RUN_TIME_LISTS[keys[0]!] ?? null) : null);
    if (!values) return null;
    keys = keys.flatMap((k) => values.map((v) => k + v + span.literal.text));
  }
  return keys;
}
