// Duplicate detection within one file, with hash maps so 100k rows stay linear.
//
// A later row is a duplicate of an earlier one when
//   - both carry the same externalId (the same CRM record), or
//   - they share a phone or an e-mail AND the names match (case, ё/е and spacing ignored), or
//   - name and company match and at least one of the two has no contacts (no phone, e-mail or id).
// A shared phone or e-mail alone is NOT enough: colleagues at one company often share the switchboard
// number or the info@ address, and merging two people there would silently lose a client.
// The duplicate is MERGED into the earlier row: its phones, the fields the earlier row lacks, new
// commitments and different notes are added; the earlier row's non-empty values win.
import { capLength } from "./clean-text.js";
import type { ParsedClientRow } from "./types.js";

export interface Duplicate {
  /** The earlier row, already merged with the duplicate. */
  of: ParsedClientRow;
  field: "externalId" | "email" | "phones" | "name";
  value: string;
}

interface Entry {
  row: ParsedClientRow;
  nameKey: string | null;
  nameCompanyKey: string | null;
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
  const byId = new Map<string, Entry>();
  const byEmail = new Map<string, Entry>();
  const byPhone = new Map<string, Entry>();
  // Name+company matters only when one side has no contacts. Rows without contacts are rare, so
  // the index of rows *with* contacts is built only when the first contact-less row shows up.
  const noContacts = new Map<string, Entry>();
  const withContactsList: Entry[] = [];
  let withContacts: Map<string, Entry> | null = null;

  const contactIndex = (): Map<string, Entry> => {
    if (!withContacts) {
      withContacts = new Map();
      for (const e of withContactsList) setOnce(withContacts, nameCompanyKeyOf(e), e);
    }
    return withContacts;
  };

  const indexNameCompany = (e: Entry): void => {
    if (hasContacts(e.row)) {
      withContactsList.push(e);
      if (withContacts) setOnce(withContacts, nameCompanyKeyOf(e), e);
    } else {
      setOnce(noContacts, nameCompanyKeyOf(e), e);
    }
  };

  const index = (e: Entry): void => {
    const { row } = e;
    if (row.externalId !== null) setOnce(byId, row.externalId.toLowerCase(), e);
    if (row.email !== null) setOnce(byEmail, row.email, e);
    for (const p of row.phones) setOnce(byPhone, p, e);
    indexNameCompany(e);
  };

  const find = (e: Entry): { of: Entry; field: Duplicate["field"]; value: string } | null => {
    const { row } = e;
    if (row.externalId !== null) {
      const of = byId.get(row.externalId.toLowerCase());
      if (of) return { of, field: "externalId", value: row.externalId };
    }
    if (row.email !== null) {
      const of = byEmail.get(row.email);
      if (of && nameKeyOf(of) === nameKeyOf(e)) return { of, field: "email", value: row.email };
    }
    for (const p of row.phones) {
      const of = byPhone.get(p);
      if (of && nameKeyOf(of) === nameKeyOf(e)) return { of, field: "phones", value: p };
    }
    let of: Entry | undefined;
    if (hasContacts(row)) {
      if (noContacts.size > 0) {
        const candidate = noContacts.get(nameCompanyKeyOf(e));
        if (candidate && !hasContacts(candidate.row)) of = candidate; // it may have gained contacts by a merge
      }
    } else {
      const key = nameCompanyKeyOf(e);
      const a = noContacts.get(key);
      const b = contactIndex().get(key);
      of = a && b ? (a.row.rowNumber < b.row.rowNumber ? a : b) : (a ?? b);
    }
    return of ? { of, field: "name", value: row.name } : null;
  };

  return {
    offer(row, notesLimit) {
      const e: Entry = { row, nameKey: null, nameCompanyKey: null };
      const found = find(e);
      if (!found) {
        index(e);
        return null;
      }
      merge(found.of.row, row, notesLimit);
      found.of.nameCompanyKey = null; // the company may just have been filled in
      index(found.of);
      return { of: found.of.row, field: found.field, value: found.value };
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
    row.notes = row.notes === null ? later.notes : capLength(`${row.notes}\n${later.notes}`, notesLimit).text;
  }
  for (const c of later.commitments) {
    if (!row.commitments.some((k) => k.kind === c.kind && k.text === c.text && k.dueOn === c.dueOn)) row.commitments.push(c);
  }
}

function hasContacts(row: ParsedClientRow): boolean {
  return row.phones.length > 0 || row.email !== null || row.externalId !== null;
}

function nameKeyOf(e: Entry): string {
  return (e.nameKey ??= normaliseName(e.row.name));
}

function nameCompanyKeyOf(e: Entry): string {
  return (e.nameCompanyKey ??= `${nameKeyOf(e)}\u0000${normaliseName(e.row.company ?? "")}`);
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

export function normaliseName(name: string): string {
  let key = name.toLowerCase();
  if (key.includes("ё")) key = key.replace(YO, "е");
  return NEEDS_COLLAPSE.test(key) ? key.replace(WHITESPACE_RUN, " ") : key;
}
