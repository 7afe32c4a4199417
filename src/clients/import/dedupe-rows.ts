// Duplicate detection within one file, with hash maps so 100k rows stay linear.
//
// A later row is a duplicate of an earlier one when
//   - both carry the same externalId (the same CRM record), or
//   - they share a phone or an e-mail AND the names can be one person's: any alphabet, case, word order or
//     transliteration («Иванов» = "IVANOV"), a shorter form («Иванов» = «Иванов Иван») or a typo, or
//   - name and company match and at least one of the two has no contacts (no phone, e-mail or id).
// A shared phone or e-mail alone is NOT enough: colleagues at one company often share the switchboard
// number or the info@ address, and merging two people there would silently lose a client.
// The duplicate is MERGED into the earlier row: its phones, the fields the earlier row lacks, new
// commitments and different notes are added; the earlier row's non-empty values win.
import { capLength, clear, lowerCase } from "./clean-text.js";
import { namesCompatible } from "./name-skeleton.js";
import { createPhoneIndex, createStringKeyIndex } from "./key-index.js";
import type { ParsedClientRow } from "./types.js";

export interface Duplicate {
  /** The earlier row, already merged with the duplicate. */
  of: ParsedClientRow;
  field: "externalId" | "email" | "phones" | "name";
  value: string;
}

const WHITESPACE_RUN = /\s+/g;
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;
const YO = /ё/g;
const NOT_FOUND = -1;

export interface Deduplicator {
  /** Null when the row is new (it is then indexed); otherwise the row it was merged into. */
  offer(row: ParsedClientRow, notesLimit: number): Duplicate | null;
}

export function createDeduplicator(): Deduplicator {
  // Every row kept so far, by position; the indexes hold positions. First writer wins in every index, so
  // a key always points at the earliest row that had it. An e-mail or id, once a row has it, never
  // changes (a merge only fills what is missing), so the indexes confirm a match on the row itself.
  const known: ParsedClientRow[] = [];
  const byId = createStringKeyIndex((at) => lowerCase(known[at]!.externalId!));
  const byEmail = createStringKeyIndex((at) => known[at]!.email);
  const byPhone = createPhoneIndex();
  // Name+company matters only when one side has no contacts. Rows without contacts are rare, so
  // the index of rows *with* contacts is built only when the first contact-less row shows up.
  const noContacts = new Map<string, number>();
  const withContactsList: number[] = [];
  const freePhones: string[] = [];
  let withContacts: Map<string, number> | null = null;

  const contactIndex = (): Map<string, number> => {
    if (!withContacts) {
      withContacts = new Map();
      for (const at of withContactsList) setOnce(withContacts, nameCompanyKey(known[at]!), at);
    }
    return withContacts;
  };

  const indexNameCompany = (at: number): void => {
    const row = known[at]!;
    if (hasContacts(row)) {
      withContactsList.push(at);
      if (withContacts) setOnce(withContacts, nameCompanyKey(row), at);
    } else {
      setOnce(noContacts, nameCompanyKey(row), at);
    }
  };

  const indexAll = (at: number): void => {
    const row = known[at]!;
    if (row.externalId !== null) byId.setOnce(lowerCase(row.externalId), at);
    if (row.email !== null) byEmail.setOnce(row.email, at);
    for (const p of row.phones) byPhone.setOnce(p, at);
    indexNameCompany(at);
  };

  const mergeInto = (at: number, row: ParsedClientRow, field: Duplicate["field"], value: string, notesLimit: number): Duplicate => {
    const of = known[at]!;
    merge(of, row, notesLimit);
    indexAll(at); // the merged row may now carry more phones, an e-mail, an id or a company
    return { of, field, value };
  };

  const findByNameCompany = (row: ParsedClientRow): number => {
    if (hasContacts(row)) {
      if (noContacts.size === 0) return NOT_FOUND;
      const candidate = noContacts.get(nameCompanyKey(row));
      // It may have gained contacts by a merge.
      return candidate !== undefined && !hasContacts(known[candidate]!) ? candidate : NOT_FOUND;
    }
    const key = nameCompanyKey(row);
    const a = noContacts.get(key);
    const b = contactIndex().get(key);
    if (a !== undefined && b !== undefined) return known[a]!.rowNumber < known[b]!.rowNumber ? a : b;
    return a ?? b ?? NOT_FOUND;
  };

  return {
    // The common case is a new row: each index is probed once and written once.
    offer(row, notesLimit) {
      const id = row.externalId === null ? null : lowerCase(row.externalId);
      if (id !== null) {
        const at = byId.get(id);
        if (at !== NOT_FOUND) return mergeInto(at, row, "externalId", row.externalId!, notesLimit);
      }
      let emailTaken = false;
      if (row.email !== null) {
        const at = byEmail.get(row.email);
        if (at !== NOT_FOUND && sameName(known[at]!, row)) return mergeInto(at, row, "email", row.email, notesLimit);
        emailTaken = at !== NOT_FOUND;
      }
      // The phones still free (first writer wins) are noted while probing, so each is looked up once: a
      // row's phones are distinct, and nothing else is indexed before they are written below.
      clear(freePhones);
      for (const p of row.phones) {
        const at = byPhone.get(p);
        if (at === NOT_FOUND) freePhones.push(p);
        else if (sameName(known[at]!, row)) return mergeInto(at, row, "phones", p, notesLimit);
      }
      const of = findByNameCompany(row);
      if (of !== NOT_FOUND) return mergeInto(of, row, "name", row.name, notesLimit);

      const at = known.length;
      known.push(row);
      if (id !== null) byId.setOnce(id, at);
      if (row.email !== null && !emailTaken) byEmail.setOnce(row.email, at);
      for (const p of freePhones) byPhone.setOnce(p, at);
      indexNameCompany(at);
      return null;
    },
  };
}

function merge(row: ParsedClientRow, later: ParsedClientRow, notesLimit: number): void {
  for (const p of later.phones) if (!row.phones.includes(p)) row.phones.push(p);
  row.company ??= later.company;
  row.email ??= later.email;
  row.externalId ??= later.externalId;
  row.owner ??= later.owner;
  row.lastContactOn ??= later.lastContactOn;
  row.nextContactOn ??= later.nextContactOn;
  if (later.notes !== null && later.notes !== row.notes) {
    row.notes = row.notes === null ? later.notes : capLength(`${row.notes}\n${later.notes}`, notesLimit);
  }
  for (const c of later.commitments) {
    // Copied, not pushed into: rows without commitments share one frozen empty list.
    if (!row.commitments.some((k) => k.kind === c.kind && k.text === c.text && k.dueOn === c.dueOn)) row.commitments = [...row.commitments, c];
  }
  for (const f of later.noteFindings ?? []) {
    const mine = (row.noteFindings ??= []);
    if (!mine.some((k) => k.kind === f.kind && k.text === f.text && k.dueOn === f.dueOn)) mine.push(f);
  }
}

function hasContacts(row: ParsedClientRow): boolean {
  return row.phones.length > 0 || row.email !== null || row.externalId !== null;
}

function sameName(a: ParsedClientRow, b: ParsedClientRow): boolean {
  return a.name === b.name || normaliseName(a.name) === normaliseName(b.name) || namesCompatible(a.name, b.name);
}

function nameCompanyKey(row: ParsedClientRow): string {
  return `${normaliseName(row.name)}\u0000${normaliseName(row.company ?? "")}`;
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

export function normaliseName(name: string): string {
  let key = name.toLowerCase();
  if (key.includes("ё")) key = key.replace(YO, "е");
  return NEEDS_COLLAPSE.test(key) ? key.replace(WHITESPACE_RUN, " ") : key;
}
