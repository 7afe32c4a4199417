// One person, many spellings: «Анна Кузнецова», "Anna Kuznetsova", "KUZNECOVA ANNA", «Кузнецова Анна».
// A name is folded into a skeleton that every usual spelling of it shares: Cyrillic is transliterated, and
// the Latin spellings that the Russian standards produce for one letter are made equal — GOST 7.79 A/ISO 9
// (ž, č, š, ŝ, û, â), GOST 7.79 B (zh, ch, sh, shh, cz, yu, ya, j), passport rules since 2013 (ICAO 9303:
// kh, ts, shch, iu, ia, i, ie) and before (y, yu, ya), and common informal ones (h, sch, ju, ja, yo).
// Words are sorted, so word order does not matter.
//
// A maintained library (`transliteration`, npm 2.6.x) would transliterate, but it produces ONE scheme,
// while matching needs all of them folded together; that folding is the part below, so the mapping is
// kept here, small and covered by test/import/name-skeleton.test.ts.

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
  // Ukrainian and Belarusian letters seen in Russian-speaking offices.
  і: "i", ї: "i", є: "e", ґ: "g", ў: "u",
};

// ISO 9 / GOST 7.79 A letters with diacritics, before the marks are stripped.
const DIACRITIC: Record<string, string> = { ž: "zh", č: "ch", š: "sh", ŝ: "shch", û: "iu", â: "ia", è: "e", ë: "e", ǎ: "a" };

// Latin variants -> one form. Order matters: longer sequences first.
const FOLDS: [RegExp, string][] = [
  [/shch|shh|sch/g, "Щ"],
  [/zh/g, "Ж"],
  [/tch|ch/g, "Ч"],
  [/sh/g, "Ш"],
  [/kh/g, "h"],
  [/ts|tz|cz/g, "Ц"],
  [/ck/g, "k"],
  [/c/g, "Ц"], // GOST 7.79 A / ISO 9 (Kuznecova); an English "Victor" is then only a near miss of «Виктор»
  [/x/g, "ks"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/[yj]/g, "i"], // й, ы and the y/j of ю, я, ё
  [/(.)\1+/g, "$1"], // Dmitrii = Dmitry, Anna = Ana, Mariia = Maria
  [/(?<=[^aeiou])io/g, "e"], // Fyodor = Фёдор (Fedor), Aksyonov = Аксёнов
  [/ie/g, "e"], // Andreyev = Андреев, ъе = ie
  [/(.)\1+/g, "$1"],
];

const NOT_LETTER = /[^\p{L}]+/gu;
const MARKS = /\p{M}+/gu;

/** One word of a name -> its skeleton (lower-case Latin plus a few markers for ж, ч, ш, щ, ц). */
export function wordSkeleton(word: string): string {
  let out = "";
  for (const ch of word.toLowerCase()) out += CYRILLIC[ch] ?? DIACRITIC[ch] ?? ch;
  out = out.normalize("NFD").replace(MARKS, "").replace(NOT_LETTER, "");
  for (const [pattern, replacement] of FOLDS) out = out.replace(pattern, replacement);
  return out;
}

/** The words of a name as skeletons, sorted: «Кузнецова Анна» and "Anna Kuznetsova" give one list. */
export function nameWords(name: string): string[] {
  return name
    .split(/[\s,.;_\-–—()"«»]+/u)
    .map(wordSkeleton)
    .filter((w) => w !== "")
    .sort();
}

export function nameSkeleton(name: string): string {
  return nameWords(name).join(" ");
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many typos a skeleton of this length may carry and still be "the same name, mistyped". */
function typoBudget(length: number): number {
  return length < 5 ? 0 : length < 12 ? 1 : 2;
}

/** «Мария Иваноа» for «Мария Иванова»: not equal, but one or two letters away (never for short names). */
export function isNearMiss(a: string, b: string): boolean {
  const sa = nameSkeleton(a);
  const sb = nameSkeleton(b);
  if (sa === sb || sa === "" || sb === "") return false;
  const budget = typoBudget(Math.min(sa.length, sb.length));
  return budget > 0 && editDistance(sa, sb, budget) <= budget;
}

/**
 * Could two names written for one phone or e-mail be one person? Same skeleton (alphabet, case, word
 * order, transliteration), one name's words all in the other («Иванов» / «Иванов Иван», initials
 * included: «Иванов И.»), or a typo apart. «Иванов Иван» and «Петрова Мария» at one switchboard are not.
 */
export function namesCompatible(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.join(" ") === wb.join(" ")) return true;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const pool = [...long];
  const allFound = short.every((w) => {
    const i = pool.findIndex((p) => p === w || (w.length === 1 && p.startsWith(w)) || (p.length === 1 && w.startsWith(p)));
    if (i < 0) return false;
    pool.splice(i, 1);
    return true;
  });
  if (allFound && short.some((w) => w.length > 1)) return true;
  return isNearMiss(a, b);
}

/**
 * A coarser skeleton for names written by ear in the other alphabet: «Джон Смит» for "John Smith". English
 * J is «Дж» and "th" is «т», which no Russian standard spells so; used only to ASK, never to match.
 */
function earSkeleton(name: string): string {
  return nameWords(name)
    .map((w) => w.replace(/dЖ/g, "i").replace(/h/g, "").replace(/(.)\1+/g, "$1"))
    .sort()
    .join(" ");
}

/**
 * Could an owner cell be this member though not spelled like them? A typo («Мария Иваноа»), a missing first
 * or last name («Борис» / «Борис Семёнов», «Семёнов Б.») or a name written by ear («Джон Смит»). Such a
 * cell is asked about, never taken as a new person.
 */
export function mayBeSamePerson(a: string, b: string): boolean {
  if (namesCompatible(a, b)) return true;
  const ea = earSkeleton(a);
  const eb = earSkeleton(b);
  if (ea === "" || eb === "") return false;
  const budget = typoBudget(Math.min(ea.length, eb.length));
  return editDistance(ea, eb, budget) <= budget;
}

/** True when `incoming` says nothing `existing` does not: the same skeleton, or only some of its words. */
export function nameAddsNothing(existing: string, incoming: string): boolean {
  if (existing === incoming) return true;
  const we = nameWords(existing);
  const wi = nameWords(incoming);
  if (wi.length === 0) return true;
  const pool = [...we];
  return wi.every((w) => {
    const i = pool.indexOf(w);
    if (i < 0) return false;
    pool.splice(i, 1);
    return true;
  });
}
