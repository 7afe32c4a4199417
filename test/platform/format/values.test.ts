import { describe, expect, it } from "vitest";
import { clip, clipLine } from "../../../src/platform/format/clip.js";
import { formatCount } from "../../../src/platform/format/count.js";
import { displayName, handle } from "../../../src/platform/format/name.js";
import { progressBar } from "../../../src/platform/format/progress.js";

describe("counts", () => {
  it("groups digits as the reader's language does", () => {
    expect(formatCount(7, "ru")).toBe("7");
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatCount(12345, "ru").replace(/\s/g, " ")).toBe("12 345");
  });
});

describe("names", () => {
  it("names a Telegram user by first and last name, else @username", () => {
    expect(displayName({ first_name: "Анна", last_name: "Ли" })).toBe("Анна Ли");
    expect(displayName({ first_name: " ", username: "anna" })).toBe("@anna");
    expect(displayName({ first_name: "" })).toBe("—");
    expect(handle("anna")).toBe("@anna");
    expect(handle(null)).toBeNull();
  });
});

describe("progress bars", () => {
  it("draws the done share in a fixed width, or one cell per item", () => {
    expect(progressBar(4, 10)).toBe("▓▓▓▓░░░░░░");
    expect(progressBar(1, 3)).toBe("▓▓▓░░░░░░░");
    expect(progressBar(0, 0)).toBe("░░░░░░░░░░");
    expect(progressBar(12, 10)).toBe("▓▓▓▓▓▓▓▓▓▓");
    expect(progressBar(2, 7, 7)).toBe("▓▓░░░░░");
  });
});

describe("clip", () => {
  it("keeps a short text and cuts a long one to max characters with an ellipsis", () => {
    expect(clip("Иванов", 6)).toBe("Иванов");
    expect(clip("Иванов Пётр", 8)).toBe("Иванов…");
    expect(clip("abcdefghij", 5)).toBe("abcd…");
  });

  it("never cuts an emoji in half", () => {
    const text = "😀".repeat(10);
    expect(clip(text, 10)).toBe(text);
    expect(clip(text, 4)).toBe("😀😀😀…");
  });

  it("puts a long text on one line first when asked", () => {
    expect(clipLine("  Иванов\n\nПётр  Сергеевич ", 12)).toBe("Иванов Пётр…");
  });
});
