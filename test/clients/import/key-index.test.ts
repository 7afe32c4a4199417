// The in-file duplicate indexes answer exactly as a Map would (first writer wins), across many growths of
// their tables, with colliding hashes confirmed on the row's own key and phones of every length.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPhoneIndex, createStringKeyIndex } from "../../../src/clients/import/key-index.js";

describe("createStringKeyIndex", () => {
  it("agrees with a Map over 20,000 keys (its table grows from 1,024 slots several times)", () => {
    const keys: string[] = [];
    const index = createStringKeyIndex((p) => keys[p] ?? null);
    const reference = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      // Every third key repeats an earlier one: the first row keeps it.
      const key = i % 3 === 2 ? keys[Math.floor(i / 2)]! : `client-${(i * 7919) % 100_003}@example.ru`;
      keys.push(key);
      index.setOnce(key, i);
      if (!reference.has(key)) reference.set(key, i);
    }
    for (const [key, position] of reference) expect(index.get(key)).toBe(position);
    expect(index.get("nobody@example.ru")).toBe(-1);
  });

  it("agrees with a Map on arbitrary keys, similar ones and repeats included", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(..."ab@.яЁ1"), maxLength: 6 }), { maxLength: 3_000 }), (list) => {
        const index = createStringKeyIndex((p) => list[p] ?? null);
        const reference = new Map<string, number>();
        list.forEach((key, i) => {
          index.setOnce(key, i);
          if (!reference.has(key)) reference.set(key, i);
        });
        for (const key of new Set([...list, "zz", ""])) expect(index.get(key)).toBe(reference.get(key) ?? -1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("createPhoneIndex", () => {
  it("agrees with a Map over 20,000 numbers of every length, and over what is not an E.164 number", () => {
    const index = createPhoneIndex();
    const reference = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const digits = 7 + (i % 9); // 7 to 15 digits
      const phone = i % 50 === 0 ? `8-916-${i}` : `+${String(1 + ((i * 2_654_435_761) % 9))}${String(i * 104_729).padStart(digits - 1, "0").slice(-(digits - 1))}`;
      index.setOnce(phone, i);
      if (!reference.has(phone)) reference.set(phone, i);
    }
    for (const [phone, position] of reference) expect(index.get(phone)).toBe(position);
    expect(index.get("+70000000000")).toBe(-1);
  });
});
