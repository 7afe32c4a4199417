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

export interface Deduplicator {
  /** Null when the row is new (it is then indexed); otherwise the row it was merged into. */
  offer(row: ParsedClientRow, notesLimit: number): Duplicate | null;
}

export function createDeduplicator(): Deduplicator {
  // First writer wins in every index, so a key always points at the earliest row that had it.
  const byId = new Map<string, ParsedClientRow>();
  const byEmail = new Map<string, ParsedClientRow>();
  const byPhone = new Map<string, ParsedClientRow>();
  // Name+company matters only when one side has no contacts. Rows without contacts are rare, so
  // the index of rows *with* contacts is built only when the first contact-less row shows up.
  const noContacts = new Map<string, ParsedClientRow>();
  const withContactsList: ParsedClientRow[] = [];
  const freePhones: string[] = [];
  let withContacts: Map<string, ParsedClientRow> | null = null;

  const contactIndex = (): Map<string, ParsedClientRow> => {
    if (!withContacts) {
      withContacts = new Map();
      for (const row of withContactsList) setOnce(withContacts, nameCompanyKey(row), row);
    }
    return withContacts;
  };

  const indexNameCompany = (row: ParsedClientRow): void => {
    if (hasContacts(row)) {
      withContactsList.push(row);
      if (withContacts) setOnce(withContacts, nameCompanyKey(row), row);
    } else {
      setOnce(noContacts, nameCompanyKey(row), row);
    }
  };

  const indexAll = (row: ParsedClientRow): void => {
    if (row.externalId !== null) setOnce(byId, lowerCase(row.externalId), row);
    if (row.email !== null) setOnce(byEmail, row.email, row);
    for (const p of row.phones) setOnce(byPhone, p, row);
    indexNameCompany(row);
  };

  const mergeInto = (of: ParsedClientRow, row: ParsedClientRow, field: Duplicate["field"], value: string, notesLimit: number): Duplicate => {
    merge(of, row, notesLimit);
    indexAll(of); // the merged row may now carry more phones, an e-mail, an id or a company
    return { of, field, value };
  };

  const findByNameCompany = (row: ParsedClientRow): ParsedClientRow | undefined => {
    if (hasContacts(row)) {
      if (noContacts.size === 0) return undefined;
      const candidate = noContacts.get(nameCompanyKey(row));
      return candidate && !hasContacts(candidate) ? candidate : undefined; // it may have gained contacts by a merge
    }
    const key = nameCompanyKey(row);
    const a = noContacts.get(key);
    const b = contactIndex().get(key);
    return a && b ? (a.rowNumber < b.rowNumber ? a : b) : (a ?? b);
  };

  return {
    // The common case is a new row: each index is probed once and written once.
    offer(row, notesLimit) {
      const id = row.externalId === null ? null : lowerCase(row.externalId);
      if (id !== null) {
        const of = byId.get(id);
        if (of) return mergeInto(of, row, "externalId", row.externalId!, notesLimit);
      }
      let emailTaken = false;
      if (row.email !== null) {
        const of = byEmail.get(row.email);
        if (of && sameName(of, row)) return mergeInto(of, row, "email", row.email, notesLimit);
        emailTaken = of !== undefined;
      }
      // The phones still free (first writer wins) are noted while probing, so each is looked up once: a
      // row's phones are distinct, and nothing else is indexed before they are written below.
      clear(freePhones);
      for (const p of row.phones) {
        const of = byPhone.get(p);
        if (of === undefined) freePhones.push(p);
        else if (sameName(of, row)) return mergeInto(of, row, "phones", p, notesLimit);
      }
      const of = findByNameCompany(row);
      if (of) return mergeInto(of, row, "name", row.name, notesLimit);

      if (id !== null) byId.set(id, row);
      if (row.email !== null && !emailTaken) byEmail.set(row.email, row);
      for (const p of freePhones) byPhone.set(p, row);
      indexNameCompany(row);
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
