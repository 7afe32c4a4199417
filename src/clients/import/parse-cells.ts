// Phones, e-mails and temperature from cell text.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { lowerCase } from "./clean-text.js";
import type { Temperature } from "./types.js";

const ITEM_SEPARATORS = /[,;\r\n]+/;
const HAS_ITEM_SEPARATOR = /[,;\r\n]/;
const EMAIL_SEPARATORS = /[\s,;]+/;
const HAS_EMAIL_SEPARATOR = /[\s,;]/;
const MAILTO = /^mailto:/i;
// Deliberately plain: one @, no spaces or brackets, a dot in the domain, a 2+ letter TLD (IDN allowed).
const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\.]+(?:\.[^\s@"(),:;<>[\]\\.]+)*\.[^\s@"(),:;<>[\]\\.\d]{2,}$/u;
const MAX_EMAIL_LENGTH = 254;

export function toCountryCode(country: string | undefined): CountryCode {
  const upper = (country ?? "RU").toUpperCase();
  return isSupportedCountry(upper) ? upper : "RU";
}

/**
 * Every phone in a cell («8 916 123-45-67, +7 495 123 45 67»), as E.164. Validity is libphonenumber's
 * (length and leading digits for the country); an extension («доб. 12») cannot live in E.164 and is dropped.
 */
export function parsePhones(text: string, country: CountryCode): { phones: string[]; bad: string[] } {
  const result = { phones: [] as string[], bad: [] as string[] };
  parsePhonesInto(text, country, result.phones, result.bad);
  return result;
}

/** The same, appending to the caller's arrays; phones already in `phones` are not added twice. */
export function parsePhonesInto(text: string, country: CountryCode, phones: string[], bad: string[]): void {
  if (text === "") return;
  if (!HAS_ITEM_SEPARATOR.test(text)) {
    addPhone(text.trim(), country, phones, bad);
    return;
  }
  for (const raw of text.split(ITEM_SEPARATORS)) addPhone(raw.trim(), country, phones, bad);
}

function addPhone(item: string, country: CountryCode, phones: string[], bad: string[]): void {
  if (item === "") return;
  const phone = normalisePhone(item, country);
  if (phone === null) bad.push(item);
  else if (!phones.includes(phone)) phones.push(phone);
}

/** E.164, or null when libphonenumber does not consider the number valid. */
export function normalisePhone(item: string, country: CountryCode): string | null {
  return russianFastPath(item, country) ?? normalisePhoneWithLibrary(item, country);
}

export function normalisePhoneWithLibrary(item: string, country: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(item, country);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/**
 * libphonenumber spends ~8 µs per number, too slow for 100k-row files. The bulk of Russian numbers —
 * mobile 9xx and geographic 3xx/4xx, written as +7/8/7 or bare 10 digits with spaces, dashes and
 * brackets — are normalised here instead; everything else (8xx, 7xx shared with Kazakhstan, extensions,
 * letters, other countries) goes to libphonenumber. A property test checks that this function agrees
 * with libphonenumber on every input it accepts, so a metadata update that changes the rules shows up.
 */
export function russianFastPath(item: string, country: CountryCode): string | null {
  // One pass, no intermediate strings: the digits are read into a number (at most 11 of them, well
  // within 2^53), and only the result is built.
  let count = 0;
  let value = 0;
  for (let i = 0; i < item.length; i++) {
    const c = item.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++count > 11) return null;
      value = value * 10 + (c - 0x30);
    } else if (c === 0x2b && i === 0) continue; // a leading '+'
    else if (c !== 0x20 && c !== 0xa0 && c !== 0x2d && c !== 0x28 && c !== 0x29) return null; // space, nbsp, - ( )
  }
  if (count !== 10 && count !== 11) return null;
  const lead = count === 11 ? Math.floor(value / 1e10) : -1;
  let national: number;
  if (item.charCodeAt(0) === 0x2b) {
    if (lead !== 7) return null;
    national = value % 1e10;
  } else {
    if (country !== "RU") return null;
    if (lead === 8 || lead === 7) national = value % 1e10;
    else if (count === 10) national = value;
    else return null;
  }
  // The first of the ten national digits (0 when it is a leading zero, which no mobile or geographic
  // number has); with it nonzero, the number prints as exactly those ten digits.
  const first = Math.floor(national / 1e9);
  return first === 9 || first === 3 || first === 4 ? `+7${national}` : null;
}

/** Every e-mail in a cell, lower-cased; the first valid one becomes the client's e-mail. */
export function parseEmails(text: string): { emails: string[]; bad: string[] } {
  const result = { emails: [] as string[], bad: [] as string[] };
  parseEmailsInto(text, result.emails, result.bad);
  return result;
}

/** The same, appending to the caller's arrays. `text` is expected trimmed. */
export function parseEmailsInto(text: string, emails: string[], bad: string[]): void {
  if (text === "") return;
  if (!HAS_EMAIL_SEPARATOR.test(text)) {
    addEmail(text, emails, bad);
    return;
  }
  for (const raw of text.split(EMAIL_SEPARATORS)) addEmail(raw, emails, bad);
}

function addEmail(raw: string, emails: string[], bad: string[]): void {
  if (raw === "") return;
  const bare = raw.charCodeAt(0) === 0x6d || raw.charCodeAt(0) === 0x4d ? raw.replace(MAILTO, "") : raw; // m, M
  const item = lowerCase(bare);
  if (item.length <= MAX_EMAIL_LENGTH && EMAIL.test(item) && !item.includes("..")) emails.push(item);
  else bad.push(raw);
}

const NOT_LETTERS = /[^\p{L}]+/gu;
const YO = /ё/g;

// Keys are normalised (lower case, ё→е, letters only). Stage names are the stock amoCRM/Kommo and
// Bitrix24 pipeline stages: late stages are hot, early or won ones warm, lost ones cold.
const TEMPERATURES = new Map<string, Temperature>();
for (const [t, words] of [
  ["hot", ["hot", "горячий", "горячая", "горячее", "горячие", "переговоры", "принимаютрешение", "согласованиедоговора",
    "выставленсчет", "счетвыставлен", "подготовкадокументов", "счетнапредоплату", "финальныйсчет", "negotiation",
    "decisionmaking", "contractsent", "invoicesent"]],
  ["warm", ["warm", "теплый", "теплая", "теплое", "теплые", "первичныйконтакт", "вработе", "новая", "новый", "новаясделка",
    "квалификация", "успешнореализовано", "сделкауспешна", "new", "inprogress", "qualified", "contacted", "won", "closedwon"]],
  ["cold", ["cold", "холодный", "холодная", "холодное", "холодные", "закрытоинереализовано", "сделкапровалена", "отказ",
    "нереализовано", "lost", "closedlost", "неактивный", "inactive"]],
] as const) {
  for (const w of words) TEMPERATURES.set(w.replace(NOT_LETTERS, ""), t);
}

/** null when the text is not a temperature we understand (the caller warns and uses "warm"). */
export function parseTemperature(text: string): Temperature | null {
  if (text.includes("🔥")) return "hot";
  if (text.includes("❄")) return "cold";
  const key = text.toLowerCase().replace(YO, "е").replace(NOT_LETTERS, "");
  const exact = TEMPERATURES.get(key);
  if (exact) return exact;
  if (key.startsWith("горяч")) return "hot";
  if (key.startsWith("тепл")) return "warm";
  if (key.startsWith("холод")) return "cold";
  return null;
}
