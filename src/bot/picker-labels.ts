// Buttons people can tell apart: when two labels of one keyboard would read the same, each gets what
// tells them apart (the phone's last digits, the owner, the temperature, …), in that order of preference.
// Pure: labels and candidate details in, labels out.
import { clip } from "../platform/format/clip.js";

/** The last four digits of a phone number, as "…4567"; null without a number. */
export function phoneTail(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 4 ? `…${digits.slice(-4)}` : null;
}

/**
 * `details(i)` lists, best first, what may tell item i apart (null when unknown). A detail is added to
 * the labels of a group of equal labels when it is not the same for all of them (where it is known); if
 * labels still repeat, they are numbered.
 */
export function distinctLabels(labels: string[], details: (index: number) => (string | null | undefined)[], max = 60): string[] {
  const out = [...labels];
  const groups = () => {
    const by = new Map<string, number[]>();
    out.forEach((l, i) => by.set(l, [...(by.get(l) ?? []), i]));
    return [...by.values()].filter((g) => g.length > 1);
  };
  const depth = Math.max(0, ...labels.map((_, i) => details(i).length));
  for (let k = 0; k < depth; k++) {
    for (const group of groups()) {
      const values = group.map((i) => details(i)[k] ?? null);
      if (new Set(values).size === 1) continue;
      group.forEach((i, j) => {
        if (values[j] !== null) out[i] = `${out[i]} · ${values[j]}`;
      });
    }
  }
  for (const group of groups()) group.forEach((i, j) => (out[i] = `${out[i]} #${j + 1}`));
  return out.map((l) => clip(l, max));
}
