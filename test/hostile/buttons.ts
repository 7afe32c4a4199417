// Every kind of button the bot makes, as callback-data templates over the ids of a world, and the forged
// variants an attacker can derive from them. Shared by the forged-data and the permissions suites.

/** Ids a button can carry, as text (so a forger can put anything there). */
export interface Ids {
  handover: string;
  step: string;
  client: string;
  member: string;
  member2: string;
  call: string;
  distribution: string;
  batch: string;
  templateStep: string;
  commitment: string;
}

/** Who may legitimately tap a button of team 1 with team 1's ids. */
export type Audience = "lead" | "member" | "dialogue" | "anyone";

export interface ButtonKind {
  /** The reserved prefix the button lives under. */
  prefix: string;
  data: (id: Ids) => string;
  /**
   * lead: only a lead of the team (managers, strangers and other teams are refused);
   * member: any member acting on their own things (the ids point at Boris's own client/call);
   * dialogue: a button of a finished or foreign dialogue (stale for everybody outside it);
   * anyone: not tied to a team (language, "create a team").
   */
  audience: Audience;
  /** A tap by the rightful person changes the base (so a replay must not change it twice). */
  writes?: boolean;
}

export const buttonKinds: ButtonKind[] = [
  // import
  { prefix: "imp:", data: (i) => `imp:go:${i.batch}`, audience: "lead", writes: true },
  { prefix: "imp:", data: (i) => `imp:valid:${i.batch}`, audience: "lead", writes: true },
  { prefix: "imp:", data: (i) => `imp:no:${i.batch}`, audience: "lead", writes: true },
  { prefix: "imp:", data: (i) => `imp:dym:${i.batch}:0:y`, audience: "lead" },
  { prefix: "imp:", data: (i) => `imp:nt:${i.batch}:a`, audience: "lead" },
  { prefix: "imp:", data: (i) => `imp:nt:${i.batch}:t0`, audience: "lead" },
  // clients
  { prefix: "cl:", data: (i) => `cl:c:${i.client}:::0`, audience: "member" },
  { prefix: "cl:", data: (i) => `cl:l:${i.member}::0`, audience: "member" },
  { prefix: "cl:", data: () => `cl:fo:::0`, audience: "lead" },
  { prefix: "cl:", data: (i) => `cl:o:${i.client}`, audience: "lead" },
  { prefix: "cl:", data: (i) => `cl:s:${i.client}:${i.member2}`, audience: "lead", writes: true },
  { prefix: "cl:", data: (i) => `cl:s:${i.client}:u`, audience: "lead", writes: true },
  { prefix: "cl:", data: (i) => `cl:m:${i.client}`, audience: "member" },
  { prefix: "cl:", data: () => `cl:nl`, audience: "lead" },
  { prefix: "cl:", data: (i) => `cl:ns:${i.member}`, audience: "lead" },
  { prefix: "cl:", data: (i) => `cl:nt:${i.member}:${i.member2}`, audience: "lead", writes: true },
  { prefix: "cla:", data: () => `cla:n:skip`, audience: "dialogue" },
  { prefix: "cla:", data: () => `cla:m:k:promise`, audience: "dialogue" },
  // offboard
  { prefix: "off:", data: () => `off:c:new`, audience: "lead" },
  { prefix: "off:", data: (i) => `off:c:who:${i.member}`, audience: "dialogue" },
  { prefix: "off:", data: () => `off:c:go`, audience: "dialogue" },
  { prefix: "off:", data: () => `off:tpl`, audience: "lead" },
  { prefix: "off:", data: () => `off:tpl:m`, audience: "lead" },
  { prefix: "off:", data: (i) => `off:tpl:s:${i.templateStep}`, audience: "lead" },
  { prefix: "off:", data: (i) => `off:tpl:rm:${i.templateStep}`, audience: "lead" },
  { prefix: "off:", data: (i) => `off:tpl:up:${i.templateStep}`, audience: "lead", writes: true },
  { prefix: "off:", data: (i) => `off:tpl:dn:${i.templateStep}`, audience: "lead", writes: true },
  { prefix: "off:", data: (i) => `off:tpl:rmy:${i.templateStep}`, audience: "lead", writes: true },
  { prefix: "off:", data: (i) => `off:tpl:def:${i.templateStep}`, audience: "lead", writes: true },
  { prefix: "off:", data: () => `off:tpl:reset`, audience: "lead" },
  { prefix: "off:", data: () => `off:tpl:resety`, audience: "lead", writes: true },
  { prefix: "off:", data: () => `off:tpl:close`, audience: "lead" },
  { prefix: "off:", data: (i) => `off:lf:go:${i.handover}:${i.member}`, audience: "dialogue" },
  { prefix: "off:", data: (i) => `off:go:${i.member}:g`, audience: "lead" },
  // checklist
  { prefix: "chk:", data: (i) => `chk:open:${i.handover}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:s:${i.handover}:${i.step}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:d:${i.handover}:${i.step}`, audience: "lead", writes: true },
  { prefix: "chk:", data: (i) => `chk:r:${i.handover}:${i.step}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:rm:${i.handover}:${i.step}:${i.member}`, audience: "lead", writes: true },
  { prefix: "chk:", data: (i) => `chk:b:${i.handover}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:hist:${i.handover}:0`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:x:${i.handover}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:xy:${i.handover}`, audience: "lead", writes: true },
  { prefix: "chk:", data: (i) => `chk:ref:${i.handover}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:form:${i.handover}`, audience: "lead", writes: true },
  { prefix: "chk:", data: (i) => `chk:ck:${i.commitment}:d`, audience: "lead", writes: true },
  { prefix: "chk:", data: (i) => `chk:cd:${i.commitment}`, audience: "lead", writes: true },
  { prefix: "chk:", data: (i) => `chk:in:k:${i.handover}:${i.step}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:in:due:${i.handover}:${i.step}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:in:iv:${i.handover}`, audience: "lead" },
  { prefix: "chk:", data: () => `chk:in:ta`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:in:tr:${i.templateStep}`, audience: "lead" },
  { prefix: "chk:", data: (i) => `chk:in:to:${i.templateStep}`, audience: "lead" },
  { prefix: "chk:", data: () => `chk:in:a:x`, audience: "dialogue" },
  // distribution
  { prefix: "dist:", data: () => `dist:start`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:h:${i.handover}`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:a:${i.distribution}`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:j:${i.distribution}`, audience: "lead" },
  { prefix: "dist:", data: (i) => `dist:m:${i.distribution}`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:x:${i.distribution}`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:u:${i.distribution}`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:t:${i.distribution}`, audience: "lead" },
  { prefix: "dist:", data: (i) => `dist:e:${i.distribution}`, audience: "lead" },
  { prefix: "dist:", data: (i) => `dist:e:${i.distribution}:${i.member}`, audience: "lead", writes: true },
  { prefix: "dist:", data: (i) => `dist:n:${i.distribution}`, audience: "lead" },
  { prefix: "dist:", data: (i) => `dist:o:${i.distribution}`, audience: "lead" },
  { prefix: "dist:", data: () => `dist:c:q`, audience: "dialogue" },
  // settings
  { prefix: "set:", data: () => `set:home`, audience: "lead" },
  { prefix: "set:", data: () => `set:f:cap`, audience: "lead" },
  { prefix: "set:", data: () => `set:nocap`, audience: "lead", writes: true },
  { prefix: "set:", data: () => `set:wd`, audience: "lead" },
  { prefix: "set:", data: () => `set:wd:6`, audience: "lead", writes: true },
  { prefix: "set:", data: () => `set:m`, audience: "lead" },
  { prefix: "set:", data: (i) => `set:m:${i.member}`, audience: "lead" },
  { prefix: "set:", data: (i) => `set:w:${i.member}:1`, audience: "lead", writes: true },
  { prefix: "set:", data: (i) => `set:mw:${i.member}`, audience: "lead" },
  { prefix: "set:", data: (i) => `set:x:${i.member}`, audience: "lead", writes: true },
  { prefix: "set:", data: () => `set:weekly`, audience: "lead", writes: true },
  { prefix: "set:", data: () => `set:c:q`, audience: "dialogue" },
  // calls (the ids point at Boris's own call and client)
  { prefix: "call:", data: (i) => `call:o:${i.call}`, audience: "member" },
  { prefix: "call:", data: (i) => `call:a:${i.call}:r`, audience: "member" },
  { prefix: "call:", data: (i) => `call:a:${i.call}:n`, audience: "member", writes: true },
  { prefix: "call:", data: (i) => `call:a:${i.call}:b`, audience: "member" },
  { prefix: "call:", data: (i) => `call:a:${i.call}:l`, audience: "member" },
  { prefix: "call:", data: (i) => `call:d:${i.call}:w1`, audience: "member", writes: true },
  { prefix: "call:", data: (i) => `call:d:${i.call}:t`, audience: "member" },
  { prefix: "call:", data: (i) => `call:lr:${i.call}:co`, audience: "member", writes: true },
  { prefix: "call:", data: (i) => `call:log:${i.client}`, audience: "member" },
  { prefix: "call:", data: (i) => `call:a:c${i.client}:n`, audience: "member", writes: true },
  { prefix: "call:", data: () => `call:q:skip`, audience: "dialogue" },
  { prefix: "today:", data: () => `today:show`, audience: "member" },
  { prefix: "today:", data: () => `today:p:1`, audience: "member" },
  // scripts, status, nags
  { prefix: "scr:", data: () => `scr:l:en`, audience: "lead" },
  { prefix: "scr:", data: () => `scr:e:good:ru`, audience: "lead" },
  { prefix: "scr:", data: () => `scr:r:bad:ru`, audience: "lead" },
  { prefix: "scr:", data: () => `scr:q:cancel`, audience: "dialogue" },
  { prefix: "st:", data: () => `st:refresh`, audience: "lead" },
  { prefix: "nag:", data: () => `nag:dismiss`, audience: "dialogue" },
  // reserved, no buttons yet: a forged one is a stale button like any other
  { prefix: "rep:", data: () => `rep:1`, audience: "dialogue" },
  // core
  { prefix: "lang:", data: () => `lang:en`, audience: "anyone" },
  { prefix: "team:", data: () => `team:create`, audience: "anyone" },
  // members: co-lead requests and removal (request ids are member ids here: none exists in the world)
  { prefix: "tm:", data: (i) => `tm:jr:ok:${i.member}`, audience: "lead", writes: true },
  { prefix: "tm:", data: (i) => `tm:tjr:no:${i.member}`, audience: "lead", writes: true },
  { prefix: "tm:", data: (i) => `tm:m:${i.member}`, audience: "lead" },
  { prefix: "tm:", data: (i) => `tm:rm:${i.member}`, audience: "lead", writes: true },
  { prefix: "tm:", data: () => `tm:back`, audience: "lead" },
  { prefix: "tm:", data: () => `tm:delteam`, audience: "lead" },
  { prefix: "cl:", data: (i) => `cl:d:${i.client}`, audience: "lead" },
  { prefix: "cl:", data: (i) => `cl:dd:${i.client}`, audience: "lead", writes: true },
  { prefix: "ct:", data: () => `ct:tz:Europe/Moscow`, audience: "dialogue" },
  { prefix: "tmd:", data: () => `tmd:cancel`, audience: "dialogue" },
  // de-starring: /stars
  { prefix: "star:", data: () => `star:o`, audience: "lead" },
  { prefix: "star:", data: (i) => `star:m:${i.member}`, audience: "lead" },
  { prefix: "star:", data: () => `star:p:1`, audience: "lead", writes: true },
  { prefix: "star:", data: () => `star:tc:u`, audience: "lead", writes: true },
  { prefix: "star:", data: (i) => `star:c:${i.member}:u`, audience: "lead", writes: true },
  { prefix: "star:", data: (i) => `star:r:${i.member}:t`, audience: "lead", writes: true },
  { prefix: "star:", data: () => `star:n:d`, audience: "lead", writes: true },
  { prefix: "star:", data: () => `star:n:w`, audience: "lead", writes: true },
];

/** The prefixes the bot reserves (docs/contracts): every one must appear in the table above. */
export const RESERVED_PREFIXES = ["imp:", "cl:", "cla:", "off:", "chk:", "dist:", "set:", "call:", "today:", "scr:", "rep:", "st:", "nag:", "lang:", "team:", "ct:", "tm:", "tmd:", "star:"];

const allIds = (value: string): Ids => ({
  handover: value,
  step: value,
  client: value,
  member: value,
  member2: value,
  call: value,
  distribution: value,
  batch: value,
  templateStep: value,
  commitment: value,
});

/** Deterministic 64-byte garbage after a prefix. */
function garbage(prefix: string, seed: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:;_-/\\?*%$#@!{}[]()<>&\"'`~ёЖ";
  let x = seed * 7919 + 17;
  let out = prefix;
  while (Buffer.byteLength(out) < 64) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const ch = alphabet[x % alphabet.length]!;
    if (Buffer.byteLength(out + ch) > 64) break;
    out += ch;
  }
  return out;
}

export interface Forgery {
  label: string;
  data: string;
}

/**
 * What a forger derives from one kind of button: ids that do not exist, the other team's ids, ids that
 * are not numbers (text, zero, negative, beyond 2^53), the data cut short or lengthened, and 64 bytes of
 * garbage after the prefix. Never one of the rightful data strings of team 1.
 */
export function forgeriesOf(kind: ButtonKind, own: Ids, other: Ids, index: number): Forgery[] {
  const real = kind.data(own);
  const out: Forgery[] = [];
  const add = (label: string, data: string) => {
    if (data === real || Buffer.byteLength(data) > 64 || out.some((f) => f.data === data)) return;
    out.push({ label, data });
  };
  for (const [label, value] of [
    ["unknown id", "987654321"],
    ["text id", "abc"],
    ["zero id", "0"],
    ["negative id", "-1"],
    ["id beyond 2^53", "99999999999999999999"],
  ] as const) {
    add(label, kind.data(allIds(value)));
  }
  add("the other team's ids", kind.data(other));
  add("own handover, the other team's member or client", kind.data({ ...own, member: other.member, member2: other.member2, client: other.client, commitment: other.commitment, call: other.call }));
  add("truncated", real.slice(0, Math.max(kind.prefix.length, Math.ceil(real.length / 2))));
  add("last part dropped", real.split(":").slice(0, -1).join(":") || kind.prefix);
  add("an extra part", `${real}:9`);
  add("64 bytes of garbage", garbage(kind.prefix, index));
  add("upper case", real.toUpperCase());
  return out;
}
