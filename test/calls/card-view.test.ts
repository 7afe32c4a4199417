// The call card's pure helpers.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { readablePhone } from "../../src/calls/card-view.js";

const byLibrary = (phone: string) => {
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.isValid() ? parsed.formatInternational() : phone;
};

describe("readablePhone", () => {
  it("writes Russian 3xx, 4xx and 9xx numbers exactly as libphonenumber does, for every such range", () => {
    // Every four-digit prefix (+7 3000… to +7 9999…), each with a few different subscriber numbers.
    for (const first of ["3", "4", "9"]) {
      for (let p = 0; p < 1000; p++) {
        for (const rest of ["000000", "123456", "987654", String((p * 7919) % 1_000_000).padStart(6, "0")]) {
          const phone = `+7${first}${String(p).padStart(3, "0")}${rest}`;
          expect(readablePhone(phone), phone).toBe(byLibrary(phone));
        }
      }
    }
  });

  it("leaves every other number to libphonenumber, and a number it cannot read as it is", () => {
    for (const phone of ["+78001234567", "+77011234567", "+380501234567", "+12025550123", "+7916123456", "+791612345678", "89161234567", "не номер"]) {
      expect(readablePhone(phone)).toBe(byLibrary(phone));
    }
    expect(readablePhone("+79161234567")).toBe("+7 916 123 45 67");
  });
});
