// The callback-data codec: what a keyboard writes reads back the same, within Telegram's 64 bytes, and
// anything else (another prefix, parts missing or added, numbers out of range or not canonical, codes not
// in the list, too long) reads back as nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allCodecs,
  callbackData,
  CallbackDataError,
  callbackSet,
  codes,
  either,
  flag,
  id,
  int,
  isoDay,
  MAX_CALLBACK_BYTES,
  oneOf,
  optional,
  text,
} from "../../src/bot/callback-data.js";
import { callButtons } from "../../src/calls/keyboards.js";
import { cb } from "../../src/clients/keyboards.js";
import { chk } from "../../src/handover/checklist-keyboards.js";
import { off } from "../../src/handover/keyboards.js";
import { setData } from "../../src/team/settings-keyboards.js";
import { tm } from "../../src/team/keyboards.js";
import { starData } from "../../src/stars/keyboards.js";
import { distData } from "../../src/distribution/keyboards.js";
import { importCallback, noteCallback, ownerChoiceCallback } from "../../src/clients/import-keyboards.js";
import "../../src/bot/index.js"; // every codec of the bot (through its features), for the checks over all of them

const step = callbackData("zz:s", { handoverId: id(), stepId: id() });
const mixed = callbackData("zz:m", {
  n: int({ min: -365, max: 60 }),
  temp: codes([
    ["hot", "h"],
    ["warm", "w"],
    [undefined, ""],
  ]),
  up: flag("u", "d"),
  day: isoDay(),
  zone: text(/[A-Za-z_/]+/, 20),
  who: either(oneOf(["none"]), id()),
  g: optional(codes([[true, "g"]])),
});

const mixedValues = fc.record({
  n: fc.integer({ min: -365, max: 60 }),
  temp: fc.constantFrom("hot" as const, "warm" as const, undefined),
  up: fc.boolean(),
  day: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  zone: fc.stringMatching(/^[A-Za-z_/]{1,20}$/),
  who: fc.oneof(fc.constant("none" as const), fc.integer({ min: 1, max: 2 ** 40 })),
  g: fc.constantFrom(true as const, undefined),
});

describe("callback data codec", () => {
  it("round-trips ids: what is written reads back the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (handoverId, stepId) => {
        const data = step.encode({ handoverId, stepId });
        expect(data).toBe(`zz:s:${handoverId}:${stepId}`);
        expect(step.decode(data)).toEqual({ handoverId, stepId });
      }),
    );
  });

  it("round-trips every kind of field, within 64 bytes", () => {
    fc.assert(
      fc.property(mixedValues, (values) => {
        const data = mixed.encode(values);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        const back = mixed.decode(data)!;
        expect(back).not.toBeNull();
        expect({ ...back, g: back.g }).toEqual({ ...values });
      }),
    );
  });

  it("leaves a missing optional last part out, and reads data with or without it", () => {
    expect(mixed.encode({ n: 0, temp: undefined, up: true, day: "2026-02-28", zone: "Europe/Moscow", who: "none" })).toBe("zz:m:0::u:2026-02-28:Europe/Moscow:none");
    expect(mixed.decode("zz:m:0::u:2026-02-28:Europe/Moscow:none")).toMatchObject({ n: 0, temp: undefined, who: "none" });
    expect(mixed.decode("zz:m:-1:h:d:2026-02-28:Europe/Moscow:7:g")).toMatchObject({ n: -1, temp: "hot", up: false, who: 7, g: true });
  });

  it("never trusts a tap: forged data reads as nothing, and decoding never throws", () => {
    const forged = [
      "",
      "zz",
      "zz:s",
      "zz:s:1",
      "zz:s:1:2:3",
      "zz:s:1:",
      "zz:s::2",
      "zz:s:0:2",
      "zz:s:-1:2",
      "zz:s:01:2",
      "zz:s:+1:2",
      "zz:s:1e3:2",
      "zz:s:1.5:2",
      "zz:s: 1:2",
      "zz:s:99999999999999999999:2",
      "zz:s:9007199254740992:2",
      "zz:S:1:2",
      "zz:sx:1:2",
      "yy:s:1:2",
      "ZZ:S:1:2",
      `zz:s:1:${"1".repeat(70)}`,
    ];
    for (const data of forged) expect(step.decode(data), data).toBeNull();
    expect(step.decode(undefined)).toBeNull();
    expect(mixed.decode("zz:m:61::u:2026-02-28:Moscow:none")).toBeNull(); // out of range
    expect(mixed.decode("zz:m:0:x:u:2026-02-28:Moscow:none")).toBeNull(); // not a code
    expect(mixed.decode("zz:m:0::u:2026-2-28:Moscow:none")).toBeNull(); // not a day
    expect(mixed.decode("zz:m:0::u:2026-02-28:Moscow:none:x")).toBeNull(); // optional part, wrong code
    expect(mixed.decode("zz:m:0::u:2026-02-28:Moscow<b>:none")).toBeNull(); // not the pattern
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (garbage) => {
        for (const codec of allCodecs()) {
          const tapped = `${codec.prefix}:${garbage}`;
          expect(() => codec.decode(tapped)).not.toThrow();
          expect(() => codec.decode(garbage)).not.toThrow();
        }
      }),
      { numRuns: 100 },
    );
  });

  it("reads only what it wrote: any data a codec decodes, it writes back byte for byte", () => {
    fc.assert(
      fc.property(fc.constantFrom(...allCodecs()), fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9:_/-]{0,12}$/), fc.integer().map(String)), { maxLength: 5 }), (codec, parts) => {
        const data = [codec.prefix, ...parts].join(":");
        const values = codec.decode(data);
        if (values !== null) expect((codec.encode as (v: unknown) => string)(values)).toBe(data);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses to write a value it cannot carry, or data over 64 bytes", () => {
    expect(() => step.encode({ handoverId: 0, stepId: 1 })).toThrow(CallbackDataError);
    expect(() => step.encode({ handoverId: 1.5, stepId: 1 })).toThrow(CallbackDataError);
    expect(() => step.encode({ handoverId: Number.MAX_SAFE_INTEGER + 1, stepId: 1 })).toThrow(CallbackDataError);
    expect(() => mixed.encode({ n: 0, temp: "cold" as never, up: true, day: "2026-01-01", zone: "UTC", who: 1 })).toThrow(CallbackDataError);
    expect(() => mixed.encode({ n: 0, temp: "hot", up: true, day: "2026-01-01", zone: "a:b", who: 1 })).toThrow(CallbackDataError);
    const long = callbackData("zz:long", { a: text(/[a-z]+/, 100) });
    expect(long.encode({ a: "a".repeat(56) })).toHaveLength(64);
    expect(() => long.encode({ a: "a".repeat(57) })).toThrow(/64 bytes/);
  });

  it("checks its own definition: prefixes, optional parts last, one owner per set", () => {
    expect(() => callbackData("Zz:s")).toThrow(CallbackDataError);
    expect(() => callbackData("zz:")).toThrow(CallbackDataError);
    expect(() => callbackData("zz:x", { a: optional(id()), b: id() })).toThrow(/trailing/);
    expect(() => codes([["a", "x"], ["b", "x"]])).toThrow(CallbackDataError);
    expect(() => callbackSet({ a: callbackData("zz:a"), b: callbackData("yy:b") })).toThrow(/one owner/);
    expect(() => callbackSet({ a: callbackData("zz:a", { kind: id() }) })).toThrow(/kind/);
    expect(() => callbackSet({ a: callbackData("zz:a") }, "zz:b")).toThrow(/not under/);
  });

  it("reads a set's taps tagged with the codec's name, and matches a trigger to its prefix only", () => {
    const set = callbackSet({ open: callbackData("zz:o", { id: id() }), menu: callbackData("zz:o"), close: callbackData("zz:c") });
    expect(set.decode("zz:o:5")).toEqual({ kind: "open", id: 5 });
    expect(set.decode("zz:o")).toEqual({ kind: "menu" });
    expect(set.decode("zz:c:5")).toBeNull();
    expect(set.trigger.test("zz:anything")).toBe(true);
    expect(set.trigger.test("zzz:o")).toBe(false);
    expect(set.codecs.menu.trigger.test("zz:o")).toBe(true);
    expect(set.codecs.menu.trigger.test("zz:o:5")).toBe(false);
    expect(set.codecs.open.trigger.test("zz:o:5")).toBe(true);
  });
});

describe("the bot's buttons keep their bytes (buttons already in chats work after a deploy)", () => {
  it("writes the same data as before the codec", () => {
    expect([
      chk.open(12),
      chk.runDone(3, 2, 5),
      chk.commitmentKind(7, "document"),
      chk.skip(1, 2),
      chk.answer.pick(0),
      chk.answer.offset(-365),
      chk.answer.day("2026-02-28"),
      off.go(5, true),
      off.go(5, false),
      off.templateResetYes(),
      off.formStart(3, 4),
      cb.card(9, { page: 0 }),
      cb.list({ owner: "none", temperature: "warm", page: 2 }),
      cb.setOwner(9, "none"),
      setData.weight(4, 1),
      setData.toggleDay(6),
      tm.accept(3, true),
      tm.decline(3),
      starData.role(2, null),
      starData.pause(true),
      distData.of("excludeMenu", 4),
      distData.exclude(4, 2),
      importCallback("valid", 8),
      ownerChoiceCallback(8, 0, true),
      noteCallback(8, { toggle: 3 }),
      noteCallback(8, "la"),
      callButtons.codecs.action.encode({ ref: { clientId: 5, seen: 9 }, action: "no_answer" }),
    ]).toEqual([
      "chk:open:12",
      "chk:dd:3:2:5",
      "chk:ck:7:d",
      "chk:in:k:1:2",
      "chk:in:a:pick:0",
      "chk:in:a:o:-365",
      "chk:in:a:d:2026-02-28",
      "off:go:5:g",
      "off:go:5",
      "off:tpl:resety",
      "off:lf:go:3:4",
      "cl:c:9:::0",
      "cl:l:u:w:2",
      "cl:s:9:u",
      "set:w:4:1",
      "set:wd:6",
      "tm:tjr:ok:3",
      "tm:jr:no:3",
      "star:r:2:n",
      "star:p:1",
      "dist:e:4",
      "dist:e:4:2",
      "imp:valid:8",
      "imp:dym:8:0:y",
      "imp:nt:8:t3",
      "imp:nt:8:la",
      "call:a:c5s9:n",
    ]);
  });
});
