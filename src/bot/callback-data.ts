// The one callback-data codec: a short prefix (`chk:open`, `set:wd`) and typed fields, joined by ':'.
// Every keyboard builds its buttons' data with a codec and every handler reads a tap back with the same
// codec, so what is written and what is read cannot drift apart.
//
// Encoding checks the value (a programming error throws) and Telegram's 64-byte limit. Decoding never
// trusts the data: a forged or old tap (another prefix, too few or too many parts, a number that is not a
// whole number in range, a code that is not in the list, too long) decodes to null, and the handler lets
// the tap go on to the polite "this button is out of date". Decoded ids are still only claims: every
// handler checks them against the database.
//
// No grammY here: views, notices and jobs build buttons with these codecs too.

/** Telegram's limit on callback data, in bytes (UTF-8). */
export const MAX_CALLBACK_BYTES = 64;
const SEPARATOR = ":";

/** What a field's decoder returns for something that is not one of its values. */
export const NOT_A_VALUE: unique symbol = Symbol("not a value");
type NotAValue = typeof NOT_A_VALUE;

/** One part of the data: how a value is written and read back. */
export interface Field<T> {
  /** The part for `value`; throws when `value` is not one this field can carry. */
  encode(value: T): string;
  /** The value of a part, or NOT_A_VALUE. Never throws. */
  decode(raw: string): T | NotAValue;
  /** A trailing part that may be left out (see `optional`). */
  readonly optional?: boolean;
}

export class CallbackDataError extends Error {}

const PLAIN = /^[\w./+-]*$/;

/** A whole number in [min, max] (defaults: 0 to 2^53 − 1), written in decimal with no sign for ≥ 0. */
export function int(range: { min?: number; max?: number } = {}): Field<number> {
  const min = range.min ?? 0;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const ok = (n: number) => Number.isSafeInteger(n) && n >= min && n <= max;
  return {
    encode(value) {
      if (!ok(value)) throw new CallbackDataError(`${value} is not a whole number in [${min}, ${max}]`);
      return String(value);
    },
    decode(raw) {
      if (raw.length > 17 || !/^-?(0|[1-9]\d*)$/.test(raw)) return NOT_A_VALUE;
      const n = Number(raw);
      return ok(n) && String(n) === raw ? n : NOT_A_VALUE;
    },
  };
}

/** A database id: a whole number from 1. */
export const id = (): Field<number> => int({ min: 1 });

/** A short code per value: `codes([["hot", "h"], ["warm", "w"]])`; codes are unique and contain no ':'. */
export function codes<const T>(pairs: readonly (readonly [T, string])[]): Field<T> {
  const byValue = new Map<T, string>();
  const byCode = new Map<string, T>();
  for (const [value, code] of pairs) {
    if (!PLAIN.test(code) || byCode.has(code) || byValue.has(value)) throw new CallbackDataError(`bad or repeated code "${code}"`);
    byValue.set(value, code);
    byCode.set(code, value);
  }
  return {
    encode(value) {
      const code = byValue.get(value);
      if (code === undefined) throw new CallbackDataError(`${String(value)} has no code`);
      return code;
    },
    decode: (raw) => (byCode.has(raw) ? byCode.get(raw)! : NOT_A_VALUE),
  };
}

/** One of a few short words, each written as itself: `oneOf(["ru", "en"])`. */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  return codes(values.map((v) => [v, v] as const));
}

/** Yes or no, written as one of two codes: `flag("u", "d")` (true → "u"). */
export function flag(yes: string, no: string): Field<boolean> {
  return codes([
    [true, yes],
    [false, no],
  ]);
}

/** A short string matching `pattern` (anchored by the codec), at most `max` characters, never ':'. */
export function text(pattern: RegExp, max: number): Field<string> {
  const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ""));
  const ok = (s: string) => s.length <= max && !s.includes(SEPARATOR) && whole.test(s);
  return {
    encode(value) {
      if (!ok(value)) throw new CallbackDataError(`"${value}" is not a value of ${pattern}`);
      return value;
    },
    decode: (raw) => (ok(raw) ? raw : NOT_A_VALUE),
  };
}

/** A day as YYYY-MM-DD (the calendar itself is checked by whoever uses it). */
export const isoDay = (): Field<string> => text(/\d{4}-\d{2}-\d{2}/, 10);

/** The first field that can carry a value: `either(codes([["none", "u"]]), id())`. */
export function either<A, B>(a: Field<A>, b: Field<B>): Field<A | B> {
  return {
    encode(value) {
      try {
        return a.encode(value as A);
      } catch {
        return b.encode(value as B);
      }
    },
    decode(raw) {
      const first = a.decode(raw);
      return first !== NOT_A_VALUE ? first : b.decode(raw);
    },
  };
}

/** A field of its own kind (e.g. a call's reference); `decode` returns NOT_A_VALUE for anything else. */
export function field<T>(f: { encode(value: T): string; decode(raw: string): T | NotAValue }): Field<T> {
  return {
    encode(value) {
      const raw = f.encode(value);
      if (raw.includes(SEPARATOR)) throw new CallbackDataError(`"${raw}" contains '${SEPARATOR}'`);
      return raw;
    },
    decode: (raw) => f.decode(raw),
  };
}

/** A last part that may be missing: `off:go:12` and `off:go:12:g`. Only trailing fields may be optional. */
export function optional<T>(inner: Field<T>): Field<T | undefined> {
  return {
    optional: true,
    encode: (value) => (value === undefined ? "" : inner.encode(value)),
    decode: (raw) => inner.decode(raw),
  };
}

// Field<T>'s methods are bivariant, so every Field<T> is a Field<unknown>.
type Fields = Record<string, Field<unknown>>;
type NoFields = Record<never, Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type OptionalKeys<F extends Fields> = { [K in keyof F]: undefined extends ValueOf<F[K]> ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The decoded values of a codec's fields. */
export type Values<F extends Fields> = Simplify<{ [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOf<F[K]> } & { [K in OptionalKeys<F>]?: ValueOf<F[K]> }>;

export interface CallbackCodec<V> {
  /** `chk:open`: what every data string of this codec starts with. */
  readonly prefix: string;
  /** The prefix's first part (`chk`): the router sends a tap to the capability that owns it. */
  readonly owner: string;
  /** What a Composer's callbackQuery filter matches: this prefix, then fields or nothing. */
  readonly trigger: RegExp;
  /** The fields' names, in order. */
  readonly fields: readonly string[];
  encode(...values: keyof V extends never ? [] : [V]): string;
  /** The values, or null for anything this codec did not write. */
  decode(data: string | undefined): V | null;
}

/** Every codec made, for the check that each prefix has an owner (test/bot/button-routes.test.ts). */
const made: CallbackCodec<unknown>[] = [];
export const allCodecs = (): readonly CallbackCodec<unknown>[] => made;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A codec: `callbackData("chk:s", { handoverId: id(), stepId: id() })` writes `chk:s:12:34`. */
export function callbackData<const F extends Fields = NoFields>(prefix: string, fields: F = {} as F): CallbackCodec<Values<F>> {
  if (!/^[a-z]{1,8}(:[a-z]{1,8})*$/.test(prefix)) throw new CallbackDataError(`bad callback prefix "${prefix}"`);
  const entries = Object.entries(fields);
  const required = entries.findIndex(([, f]) => f.optional);
  const minParts = required < 0 ? entries.length : required;
  if (entries.slice(minParts).some(([, f]) => !f.optional)) throw new CallbackDataError(`${prefix}: only trailing fields may be optional`);
  const head = prefix + SEPARATOR;

  const codec: CallbackCodec<Values<F>> = {
    prefix,
    owner: prefix.split(SEPARATOR)[0]!,
    trigger: entries.length === 0 ? new RegExp(`^${escapeRegExp(prefix)}$`) : new RegExp(`^${escapeRegExp(head)}`),
    fields: entries.map(([name]) => name),
    encode(...args) {
      const values = (args[0] ?? {}) as Record<string, unknown>;
      const parts = [prefix];
      entries.forEach(([name, f], i) => {
        if (i >= minParts && values[name] === undefined) {
          if (entries.slice(i).some(([later]) => values[later] !== undefined)) throw new CallbackDataError(`${prefix}: ${name} is left out but a later part is not`);
          return;
        }
        parts.push(f.encode(values[name]));
      });
      const data = parts.join(SEPARATOR);
      if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) throw new CallbackDataError(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
      return data;
    },
    decode(data) {
      if (data === undefined || data.length > MAX_CALLBACK_BYTES || Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) return null;
      if (entries.length === 0) return data === prefix ? ({} as Values<F>) : null;
      if (!data.startsWith(head)) return null;
      const parts = data.slice(head.length).split(SEPARATOR);
      if (parts.length < minParts || parts.length > entries.length) return null;
      const values: Record<string, unknown> = {};
      for (let i = 0; i < parts.length; i++) {
        const [name, f] = entries[i]!;
        const value = f.decode(parts[i]!);
        if (value === NOT_A_VALUE) return null;
        values[name] = value;
      }
      return values as Values<F>;
    },
  };
  made.push(codec as CallbackCodec<unknown>);
  return codec;
}

type Decoded<C> = C extends CallbackCodec<infer V> ? V : never;
/** What a set needs of its codecs (their values' types are read from each, see Decoded). */
type Codecs = Record<string, Omit<CallbackCodec<unknown>, "encode" | "decode"> & { decode(data: string | undefined): object | null }>;
/** A tap read by one of several codecs, tagged with the codec's name: `{ kind: "open", handoverId: 12 }`. */
export type Tap<C extends Codecs> = { [K in keyof C]: Simplify<{ kind: K } & Decoded<C[K]>> }[keyof C];

/**
 * Several codecs read as one: `decode` tries each (in order) and tags the result with its name. Every
 * codec's prefix lies under `scope` (default: their common owner, `chk`); the set's trigger matches any
 * data under it. A dialogue's set is its buttons (see bot/dialogues/ask.ts).
 */
export interface CallbackSet<C extends Codecs> {
  readonly owner: string;
  readonly scope: string;
  readonly trigger: RegExp;
  readonly codecs: C;
  decode(data: string | undefined): Tap<C> | null;
}

export function callbackSet<const C extends Codecs>(codecs: C, scope?: string): CallbackSet<C> {
  const list = Object.entries(codecs);
  const owners = new Set(list.map(([, c]) => c.owner));
  if (owners.size !== 1) throw new CallbackDataError(`a callback set has one owner, not ${[...owners].join(", ")}`);
  const owner = [...owners][0]!;
  const under = scope ?? owner;
  const outside = list.find(([, c]) => c.prefix !== under && !c.prefix.startsWith(under + SEPARATOR));
  if (outside) throw new CallbackDataError(`${outside[1].prefix} is not under ${under}`);
  const clash = list.find(([, c]) => c.fields.includes("kind"));
  if (clash) throw new CallbackDataError(`${clash[1].prefix}: a field named "kind" would hide the tap's kind`);
  return {
    owner,
    scope: under,
    trigger: new RegExp(`^${escapeRegExp(under)}(:|$)`),
    codecs,
    decode(data) {
      for (const [kind, codec] of list) {
        const values = codec.decode(data);
        if (values) return { kind, ...values } as Tap<C>;
      }
      return null;
    },
  };
}

/** A set whose taps are reshaped for the handler (e.g. a list's filter fields gathered into one state). */
export function mapTaps<C extends Codecs, T>(
  set: CallbackSet<C>,
  read: (tap: Tap<C>) => T | null,
): { readonly owner: string; readonly scope: string; readonly trigger: RegExp; decode(data: string | undefined): T | null } {
  return {
    owner: set.owner,
    scope: set.scope,
    trigger: set.trigger,
    decode(data) {
      const tap = set.decode(data);
      return tap === null ? null : read(tap);
    },
  };
}

/** What a codec, a set or a mapped set decodes to: `TapOf<typeof distButtons>`. */
export type TapOf<R extends { decode(data: string | undefined): unknown }> = NonNullable<ReturnType<R["decode"]>>;
