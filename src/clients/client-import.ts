// Parsed rows -> the team's client base. Two steps that share one planner, so the preview a lead sees and
// what is written cannot disagree: planImport reads the team into memory and decides every row without
// writing; applyImport re-plans inside ONE synchronous transaction and writes it all, or nothing.
// The hot loop works on Maps and raw prepared statements: a 100,000-row file must not make 100,000
// round trips through the query builder. import-batches.ts stores parsed files between preview and tap.
import type Database from "better-sqlite3";
import type { Db } from "../db/client.js";
import type { CommitmentKind, MemberRole, MemberStatus, Temperature } from "../db/schema.js";
import type { ParsedClientRow } from "./import/types.js";
import { nameAddsNothing, namesCompatible } from "./import/name-skeleton.js";
import { nameTokensKey, normalisePersonName, OwnerIndex, type RosterMember } from "./owner-match.js";

export type ImportRow = ParsedClientRow;
export type ImportMode = "all" | "valid_only";

/** Why the planner refused a row (the parser's own reasons come with the parse result). */
export type PlanRejectCode = "owner_not_you" | "not_your_client" | "owner_unknown_id";

export interface PlanProblem {
  rowNumber: number;
  code: PlanRejectCode;
  /** The owner text as typed; personal data, shown to the uploader only. */
  value?: string;
}

export interface ImportSummary {
  /** Rows handed to the planner (rows the parser rejected are not among them). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Extra rows that landed on a client another row of the file already updates (same CRM id, or same
   *  contact and name); the parser has already merged plain repeats. */
  merged: number;
  rejected: number;
  commitments: number;
  unassigned: number;
  perOwner: { memberId: number | null; name: string; isNew: boolean; count: number }[];
  perTemperature: Record<Temperature, number>;
  /** Owner names nobody in the team has: they become members known by name only. */
  unknownOwners: { name: string; rows: number[]; count: number }[];
  /** Owner names a typo away from a member's («Мария Иваноа»): the lead decides; until then their new
   *  clients wait in the unassigned pool and existing ones stay where they are. */
  nearMisses: { text: string; memberId: number; memberName: string; rows: number[]; count: number }[];
  /** Rows that are an existing client found by phone, e-mail or CRM id under another spelling of the name. */
  contactMatches: { rowNumber: number; clientName: string; field: "externalId" | "phones" | "email"; value: string }[];
  /** Commitments found in the notes columns (the first ones listed): written only when the lead keeps them. */
  noteFindings: { total: number; taken: number; items: NoteItem[] };
  /** Owners who are leaving or gone: their new clients go to the unassigned pool instead. */
  inactiveOwners: { memberId: number; name: string; count: number }[];
  /** The first problems, by row. */
  problems: PlanProblem[];
  /** The "other managers" column: client–member links found, and names nobody in the team has (ignored). */
  voices?: { links: number; unknown: { name: string; count: number }[] };
}

export interface NoteItem {
  index: number;
  rowNumber: number;
  clientName: string;
  kind: CommitmentKind;
  text: string;
  dueOn: string | null;
}

/** Which commitments found in the notes the lead keeps: all, none (the default) or these indexes. */
export type NoteChoice = "all" | "none" | readonly number[];

/** A member id, the key of a name-only member still to be added, or null (the unassigned pool). */
type OwnerTarget = number | string | null;

interface ClientState {
  name: string;
  company: string | null;
  phones: string[];
  email: string | null;
  externalId: string | null;
  temperature: Temperature;
  lastContactOn: string | null;
  nextContactOn: string | null;
  notes: string | null;
}

interface Draft {
  existingId: number | null;
  /** The stored owner of an existing client (to tell an owner change from a no-op). */
  ownerBefore: OwnerTarget;
  owner: OwnerTarget;
  /** A new client's state is its first row itself until a later row changes it (copy on write). */
  state: ClientState;
  ownState: boolean;
  /** Fields of an existing client this import changes; null while none (most drafts are new clients). */
  changed: Set<string> | null;
  firstRow: number;
  rowCount: number;
  commitments: { kind: CommitmentKind; text: string; dueOn: string | null }[];
  /** A row named someone leaving as the owner: the client remembers their handover (see writePlan). */
  leaverId?: number;
  /** Members of the team the "other managers" column names: voices with the client (de-starring). */
  voices?: number[];
}

interface ExistingClient extends ClientState {
  id: number;
  owner: OwnerTarget;
}

/** Everything the planner needs to know about a team, read in a few queries. */
export interface TeamSnapshot {
  teamId: number;
  roster: RosterMember[];
  clients: Map<number, ExistingClient>;
  /** `${clientId}|${kind}|${text}|${dueOn}` of open commitments, so re-imports do not repeat them. */
  openCommitments: Set<string>;
}

export interface PlanInput {
  actorMemberId: number;
  /** Any iterable: a big stored batch is read back one row at a time, never all at once. */
  rows: Iterable<ImportRow>;
  /** Fields the file had a column for; a missing column must not reset a field (e.g. temperature). */
  presentFields?: readonly string[];
  /** False for a preview: new clients are only counted. */
  keepNewDrafts?: boolean;
  /** The lead's answers to "did you mean": owner text as typed -> a member id, or "new" for a new person. */
  ownerChoices?: Readonly<Record<string, number | "new">>;
  /** Commitments found in notes to keep; none unless the lead said so. */
  noteChoice?: NoteChoice;
}

export interface ImportPlan {
  summary: ImportSummary;
  drafts: Draft[];
  /** Name-only members to add, by key. */
  newMembers: Map<string, { name: string; username: string | null }>;
  rejectedRows: number;
}

const MAX_PROBLEMS = 50;
/** Shared by every draft without commitments (most of them): one array instead of 100,000. */
const NO_COMMITMENTS: Draft["commitments"] = [];
const NO_VOICES: readonly number[] = Object.freeze([]);
const MAX_ROWS_LISTED = 10;
/** Found-in-notes items a preview lists (and offers to pick one by one). */
export const MAX_NOTE_ITEMS = 20;

export function loadTeamSnapshot(db: Db, teamId: number): TeamSnapshot {
  const sqlite = db.$client;
  const roster = (
    sqlite
      .prepare("SELECT id, name, username, telegram_id AS telegramId, role, status FROM members WHERE team_id = ?")
      .all(teamId) as { id: number; name: string; username: string | null; telegramId: number | null; role: MemberRole; status: MemberStatus }[]
  ).map((m) => ({ ...m }));
  const clients = new Map<number, ExistingClient>();
  const rows = sqlite
    .prepare(
      `SELECT id, name, company, phones, email, external_id, owner_id, temperature, last_contact_on, next_contact_on, notes
       FROM clients WHERE team_id = ?`,
    )
    .raw()
    .iterate(teamId) as IterableIterator<unknown[]>;
  for (const r of rows) {
    const id = r[0] as number;
    clients.set(id, {
      id,
      name: r[1] as string,
      company: r[2] as string | null,
      phones: JSON.parse((r[3] as string) || "[]") as string[],
      email: r[4] as string | null,
      externalId: r[5] as string | null,
      owner: r[6] as number | null,
      temperature: r[7] as Temperature,
      lastContactOn: r[8] as string | null,
      nextContactOn: r[9] as string | null,
      notes: r[10] as string | null,
    });
  }
  const openCommitments = new Set<string>();
  const open = sqlite
    .prepare("SELECT client_id, kind, text, due_on FROM commitments WHERE team_id = ? AND status = 'open'")
    .raw()
    .iterate(teamId) as IterableIterator<unknown[]>;
  for (const c of open) openCommitments.add(commitmentKey(c[0] as number, c[1] as string, c[2] as string, c[3] as string | null));
  return { teamId, roster, clients, openCommitments };
}

function commitmentKey(clientId: number, kind: string, text: string, dueOn: string | null): string {
  return `${clientId}|${kind}|${text}|${dueOn ?? ""}`;
}

/** What an owner cell means for a row; the same text always means the same, so it is worked out once. */
type OwnerDecision =
  | { reject: PlanRejectCode }
  /** "keep": leave an existing client's owner as it is (no owner in the row, or someone leaving). */
  | { reject: null; wanted: OwnerTarget | "keep"; inactive: RosterMember | null; newKey: string | null; nearMiss?: { text: string; member: RosterMember } };

/** Decides every row without writing anything. */
export function planImport(snapshot: TeamSnapshot, input: PlanInput): ImportPlan {
  const actor = snapshot.roster.find((m) => m.id === input.actorMemberId);
  if (!actor) throw new Error(`member ${input.actorMemberId} is not in team ${snapshot.teamId}`);
  const isLead = actor.role === "lead";
  const owners = new OwnerIndex(snapshot.roster);
  const rosterById = new Map(snapshot.roster.map((m) => [m.id, m]));
  const present = new Set(input.presentFields ?? ["temperature"]);
  const newMembers = new Map<string, { name: string; username: string | null }>();

  // "Other managers": matched like owners, but only to people already in the team; other names are listed.
  const voiceIds = new Map<string, number | null>();
  const unknownVoices = new Map<string, number>();
  let voiceLinks = 0;
  const voicesOfRow = (text: string | null | undefined): readonly number[] => {
    if (!text || !isLead) return NO_VOICES;
    const ids = new Set<number>();
    for (const raw of text.split(/[,;\n]+/)) {
      const name = raw.trim();
      if (name === "") continue;
      let id = voiceIds.get(name);
      if (id === undefined) {
        const ref = owners.resolve(name);
        id = ref.kind === "member" && ref.member.status !== "left" ? ref.member.id : null;
        voiceIds.set(name, id);
      }
      if (id === null) unknownVoices.set(name, (unknownVoices.get(name) ?? 0) + 1);
      else ids.add(id);
    }
    return [...ids];
  };
  const addVoices = (d: Draft | null, ids: readonly number[]) => {
    if (ids.length === 0) return; // most rows: no "other managers" at all
    const fresh = ids.filter((id) => id !== d?.owner && !(d?.voices ?? []).includes(id));
    voiceLinks += fresh.length;
    if (d && fresh.length > 0) d.voices = [...(d.voices ?? []), ...fresh];
  };

  const decisions = new Map<string, OwnerDecision>();
  const noOwner: Extract<OwnerDecision, { reject: null }> = isLead
    ? { reject: null, wanted: "keep", inactive: null, newKey: null }
    : actor.status === "active"
      ? { reject: null, wanted: actor.id, inactive: null, newKey: null }
      : { reject: null, wanted: "keep", inactive: actor, newKey: null };
  const decide = (text: string): OwnerDecision => {
    const ref = owners.resolve(text);
    if (!isLead) return ref.kind === "member" && ref.member.id === actor.id ? noOwner : { reject: "owner_not_you" };
    if (ref.kind === "unknown_id") return { reject: "owner_unknown_id" };
    const asNew = (key: string, name: string, username: string | null): OwnerDecision => {
      if (!newMembers.has(key)) newMembers.set(key, { name, username });
      return { reject: null, wanted: key, inactive: null, newKey: key };
    };
    const asMember = (member: RosterMember): OwnerDecision =>
      member.status !== "active" ? { reject: null, wanted: "keep", inactive: member, newKey: null } : { reject: null, wanted: member.id, inactive: null, newKey: null };
    if (ref.kind === "unknown_name") return asNew(ref.key, ref.name, ref.username);
    if (ref.kind === "near_miss") {
      const choice = input.ownerChoices?.[text];
      if (choice === "new") return asNew(ref.key, ref.name, null);
      const chosen = typeof choice === "number" ? rosterById.get(choice) : undefined;
      if (chosen) return asMember(chosen);
      // Never a new person by accident: unanswered, the row's client waits in the pool.
      return { reject: null, wanted: "keep", inactive: null, newKey: null, nearMiss: { text, member: ref.member } };
    }
    return asMember(ref.member);
  };

  // Keys -> existing client id.
  const byExternal = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const c of snapshot.clients.values()) {
    if (c.externalId !== null && !byExternal.has(c.externalId)) byExternal.set(c.externalId, c.id);
    for (const p of c.phones) if (!byPhone.has(p)) byPhone.set(p, c.id);
    if (c.email !== null && !byEmail.has(c.email)) byEmail.set(c.email, c.id);
  }

  const drafts: Draft[] = [];
  const draftOfExisting = new Map<number, number>();
  const stateOf = (ref: number): ClientState => {
    const index = draftOfExisting.get(ref);
    return index !== undefined ? drafts[index]!.state : snapshot.clients.get(ref)!;
  };
  const ownerOf = (ref: number): OwnerTarget => {
    const index = draftOfExisting.get(ref);
    return index !== undefined ? drafts[index]!.owner : snapshot.clients.get(ref)!.owner;
  };
  const tally = new Tally();
  // A preview only needs the counts: new clients are tallied and not kept (100,000 fewer objects).
  const keepNew = input.keepNewDrafts ?? true;
  const unknownRows = new Map<string, number[]>();
  const unknownCounts = new Map<string, number>();
  const inactiveCounts = new Map<number, number>();
  const nearMisses = new Map<string, ImportSummary["nearMisses"][number]>();
  const contactMatches: ImportSummary["contactMatches"] = [];
  const notes: ImportSummary["noteFindings"] = { total: 0, taken: 0, items: [] };
  const choice = input.noteChoice ?? "none";
  const picked = typeof choice === "string" ? null : new Set(choice);
  const keeps = (index: number): boolean => choice === "all" || (picked !== null && picked.has(index));
  const problems: PlanProblem[] = [];
  let rejected = 0;

  let rowCount = 0;
  let byNameCompany: Map<string, number> | undefined;
  for (const fileRow of input.rows) {
    rowCount++;
    const row = unescapeExcelText(fileRow);
    // 1. Whose client is this row?
    let decision: OwnerDecision = noOwner;
    if (row.owner) {
      let known = decisions.get(row.owner);
      if (known === undefined) decisions.set(row.owner, (known = decide(row.owner)));
      decision = known;
    }
    if (decision.reject !== null) {
      rejected++;
      if (problems.length < MAX_PROBLEMS) problems.push({ rowNumber: row.rowNumber, code: decision.reject, ...(row.owner ? { value: row.owner } : {}) });
      continue;
    }

    // 2. Is the client already in the base? External id, then any phone, then e-mail. Two different
    // external ids mean two different clients, even when they share an office phone. Rows of one file are
    // not matched with each other here: the parser already merged real repeats, and keeps apart the
    // colleagues who share a switchboard number on purpose.
    let ref: number | undefined;
    let byKey = false;
    let matchedBy: { field: "externalId" | "phones" | "email"; value: string } | null = null;
    if (row.externalId !== null) {
      ref = byExternal.get(row.externalId);
      byKey = ref !== undefined;
      if (byKey) matchedBy = { field: "externalId", value: row.externalId };
    }
    if (ref === undefined) {
      for (const p of row.phones) {
        const found = byPhone.get(p);
        if (found !== undefined && compatible(row.externalId, stateOf(found).externalId)) {
          ref = found;
          matchedBy = { field: "phones", value: p };
          break;
        }
      }
    }
    if (ref === undefined && row.email !== null) {
      const found = byEmail.get(row.email);
      if (found !== undefined && compatible(row.externalId, stateOf(found).externalId)) {
        ref = found;
        matchedBy = { field: "email", value: row.email };
      }
    }
    // A row with no contact at all (no CRM id, phone or e-mail) is the client of the same name and company.
    if (ref === undefined && row.externalId === null && row.phones.length === 0 && row.email === null && snapshot.clients.size > 0) {
      byNameCompany ??= indexByNameCompany(snapshot);
      ref = byNameCompany.get(nameCompanyKey(row.name, row.company));
    }
    // A client another row of this file already updated, reached again only through a shared phone or
    // e-mail under another name, is someone else: a new client, not a rename.
    if (ref !== undefined && !byKey && draftOfExisting.has(ref) && !namesCompatible(stateOf(ref).name, row.name)) ref = undefined;
    // The same client under another spelling («Иванов» in the base, "IVANOV" in the file): say so.
    if (ref !== undefined && matchedBy && contactMatches.length < MAX_PROBLEMS && normalisePersonName(stateOf(ref).name) !== normalisePersonName(row.name)) {
      contactMatches.push({ rowNumber: row.rowNumber, clientName: stateOf(ref).name, ...matchedBy });
    }

    // 3. A manager touches only their own clients.
    if (!isLead && ref !== undefined && ownerOf(ref) !== actor.id) {
      rejected++;
      if (problems.length < MAX_PROBLEMS) problems.push({ rowNumber: row.rowNumber, code: "not_your_client" });
      continue;
    }

    // 4. Commitments: the file's own columns, plus what the lead kept of those found in the notes.
    let rowCommitments = row.commitments;
    if (row.noteFindings?.length) {
      const taken: ImportRow["commitments"] = [];
      for (const f of row.noteFindings) {
        notes.total++;
        if (notes.items.length < MAX_NOTE_ITEMS) notes.items.push({ index: f.index, rowNumber: row.rowNumber, clientName: row.name, kind: f.kind, text: f.text, dueOn: f.dueOn });
        if (keeps(f.index)) taken.push({ kind: f.kind, text: f.text, dueOn: f.dueOn });
      }
      notes.taken += taken.length;
      if (taken.length > 0) rowCommitments = [...row.commitments, ...taken];
    }

    let draft: Draft;
    if (ref === undefined) {
      const owner = decision.wanted === "keep" ? null : decision.wanted;
      tally.created++;
      if (!keepNew) {
        tally.written(row, owner, rowCommitments.length ? dedupeCommitments(rowCommitments).length : 0);
        if (row.voices) addVoices(null, voicesOfRow(row.voices).filter((id) => id !== owner));
      } else {
        draft = {
          existingId: null,
          ownerBefore: null,
          owner,
          state: row,
          ownState: false,
          changed: null,
          firstRow: row.rowNumber,
          rowCount: 1,
          commitments: rowCommitments.length ? dedupeCommitments(rowCommitments) : NO_COMMITMENTS,
        };
        tally.written(draft.state, owner, draft.commitments.length);
        if (decision.inactive) draft.leaverId = decision.inactive.id;
        drafts.push(draft);
        addVoices(draft, voicesOfRow(row.voices));
      }
    } else {
      const index = draftOfExisting.get(ref);
      if (index !== undefined) draft = drafts[index]!;
      else {
        const existing = snapshot.clients.get(ref)!;
        draft = {
          existingId: ref,
          ownerBefore: existing.owner,
          owner: existing.owner,
          state: existing,
          ownState: false,
          changed: null,
          firstRow: row.rowNumber,
          rowCount: 0,
          commitments: NO_COMMITMENTS,
        };
        draftOfExisting.set(ref, drafts.length);
        drafts.push(draft);
      }
      draft.rowCount++;
      mergeRow(draft, row, present);
      // An explicit owner wins; "keep" leaves the client where it is.
      if (decision.wanted !== "keep") setOwner(draft, decision.wanted);
      if (decision.inactive) draft.leaverId = decision.inactive.id;
      for (const c of rowCommitments) {
        if (draft.commitments.some((d) => d.kind === c.kind && d.text === c.text && d.dueOn === c.dueOn)) continue;
        if (draft.existingId !== null && snapshot.openCommitments.has(commitmentKey(draft.existingId, c.kind, c.text, c.dueOn))) continue;
        if (draft.commitments === NO_COMMITMENTS) draft.commitments = [];
        draft.commitments.push({ kind: c.kind, text: c.text, dueOn: c.dueOn });
      }
      addVoices(draft, voicesOfRow(row.voices));
    }

    // Someone leaving never receives clients: a new client of theirs waits in the unassigned pool.
    if (decision.nearMiss) {
      const entry = nearMisses.get(decision.nearMiss.text) ?? { text: decision.nearMiss.text, memberId: decision.nearMiss.member.id, memberName: decision.nearMiss.member.name, rows: [], count: 0 };
      if (entry.rows.length < MAX_ROWS_LISTED) entry.rows.push(row.rowNumber);
      entry.count++;
      nearMisses.set(decision.nearMiss.text, entry);
    }
    if (decision.inactive) inactiveCounts.set(decision.inactive.id, (inactiveCounts.get(decision.inactive.id) ?? 0) + 1);
    if (decision.newKey !== null) {
      const list = unknownRows.get(decision.newKey) ?? [];
      if (list.length < MAX_ROWS_LISTED) list.push(row.rowNumber);
      unknownRows.set(decision.newKey, list);
      unknownCounts.set(decision.newKey, (unknownCounts.get(decision.newKey) ?? 0) + 1);
    }
  }

  for (const d of drafts) if (d.existingId !== null) tally.existing(d);
  const summary = summarise(tally, rowCount, rejected, problems, newMembers, unknownRows, unknownCounts, inactiveCounts, rosterById);
  summary.nearMisses = [...nearMisses.values()];
  summary.contactMatches = contactMatches;
  summary.noteFindings = notes;
  if (voiceLinks > 0 || unknownVoices.size > 0) {
    summary.voices = { links: voiceLinks, unknown: [...unknownVoices.entries()].map(([name, count]) => ({ name, count })) };
  }
  return { summary, drafts, newMembers, rejectedRows: rejected };
}

function nameCompanyKey(name: string, company: string | null): string {
  return `${nameTokensKey(name)}\u0000${company === null ? "" : normalisePersonName(company)}`;
}

function indexByNameCompany(snapshot: TeamSnapshot): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of snapshot.clients.values()) {
    const key = nameCompanyKey(c.name, c.company);
    if (!map.has(key)) map.set(key, c.id);
  }
  return map;
}

/**
 * Our own export (and many others) writes a text cell that starts with = + - @ as '=..., so Excel never
 * runs it as a formula. Coming back, the apostrophe is Excel's marker, not part of the text.
 */
const EXCEL_ESCAPED = /^'[=+\-@\t\r]/;
function unescapeExcelText(row: ImportRow): ImportRow {
  // Runs for every row: the common case (no apostrophe in front) allocates nothing.
  if (!startsWithApostrophe(row.name) && !startsWithApostrophe(row.company) && !startsWithApostrophe(row.notes) && !startsWithApostrophe(row.externalId) && !startsWithApostrophe(row.owner)) {
    return row;
  }
  const fix = (v: string | null) => (v !== null && EXCEL_ESCAPED.test(v) ? v.slice(1) : v);
  return { ...row, name: fix(row.name)!, company: fix(row.company), notes: fix(row.notes), externalId: fix(row.externalId), owner: fix(row.owner) };
}

function startsWithApostrophe(v: string | null): boolean {
  return v !== null && v.charCodeAt(0) === 39;
}

function compatible(rowExternal: string | null, clientExternal: string | null): boolean {
  return rowExternal === null || clientExternal === null || rowExternal === clientExternal;
}

function dedupeCommitments(list: readonly { kind: CommitmentKind; text: string; dueOn: string | null }[]) {
  const out: { kind: CommitmentKind; text: string; dueOn: string | null }[] = [];
  for (const c of list) if (!out.some((d) => d.kind === c.kind && d.text === c.text && d.dueOn === c.dueOn)) out.push({ kind: c.kind, text: c.text, dueOn: c.dueOn });
  return out;
}

function markChanged(draft: Draft, field: string): void {
  if (draft.existingId === null) return;
  (draft.changed ??= new Set()).add(field);
}

function mergeRow(draft: Draft, row: ImportRow, present: Set<string>): void {
  const set = <K extends keyof ClientState>(field: K, value: ClientState[K]) => {
    if (draft.state[field] === value) return;
    if (!draft.ownState) {
      draft.state = { ...pickState(draft.state) };
      draft.ownState = true;
    }
    draft.state[field] = value;
    markChanged(draft, field);
  };
  // Another spelling of the same name («Иванов» -> "IVANOV", or a shorter form) does not rename the client.
  if (!nameAddsNothing(draft.state.name, row.name)) set("name", row.name);
  if (row.company !== null) set("company", row.company);
  if (row.email !== null) set("email", row.email);
  if (row.externalId !== null) set("externalId", row.externalId);
  if (present.has("temperature")) set("temperature", row.temperature);
  if (row.lastContactOn !== null) set("lastContactOn", row.lastContactOn);
  if (row.nextContactOn !== null) set("nextContactOn", row.nextContactOn);
  if (row.notes !== null) set("notes", row.notes);
  // Phones are only ever added: a number that is not in this file may still be the client's.
  for (const p of row.phones) if (!draft.state.phones.includes(p)) set("phones", [...draft.state.phones, p]);
}

function pickState(s: ClientState): ClientState {
  return {
    name: s.name,
    company: s.company,
    phones: s.phones,
    email: s.email,
    externalId: s.externalId,
    temperature: s.temperature,
    lastContactOn: s.lastContactOn,
    nextContactOn: s.nextContactOn,
    notes: s.notes,
  };
}

function setOwner(draft: Draft, owner: OwnerTarget): void {
  if (draft.owner === owner) return;
  draft.owner = owner;
  if (draft.existingId === null) return;
  if (draft.ownerBefore === owner) draft.changed?.delete("owner");
  else markChanged(draft, "owner");
}

/** Running counts: a new client is counted as soon as it is decided (no later row changes it). */
class Tally {
  created = 0;
  updated = 0;
  unchanged = 0;
  commitments = 0;
  unassigned = 0;
  merged = 0;
  perTemperature: Record<Temperature, number> = { hot: 0, warm: 0, cold: 0 };
  perOwner = new Map<OwnerTarget, number>();

  /** A client this import writes (created or updated). */
  written(state: ClientState, owner: OwnerTarget, commitments: number): void {
    this.commitments += commitments;
    this.perTemperature[state.temperature]++;
    if (owner === null) this.unassigned++;
    else this.perOwner.set(owner, (this.perOwner.get(owner) ?? 0) + 1);
  }

  existing(d: Draft): void {
    this.merged += d.rowCount - 1;
    if ((d.changed?.size ?? 0) > 0 || d.commitments.length > 0) {
      this.updated++;
      this.written(d.state, d.owner, d.commitments.length);
    } else this.unchanged++;
  }
}

function summarise(
  tally: Tally,
  rowCount: number,
  rejected: number,
  problems: PlanProblem[],
  newMembers: Map<string, { name: string }>,
  unknownRows: Map<string, number[]>,
  unknownCounts: Map<string, number>,
  inactiveCounts: Map<number, number>,
  rosterById: Map<number, RosterMember>,
): ImportSummary {
  const perOwner = [...tally.perOwner.entries()].map(([o, count]) =>
    typeof o === "number"
      ? { memberId: o, name: rosterById.get(o)?.name ?? "?", isNew: false, count }
      : { memberId: null, name: newMembers.get(o!)!.name, isNew: true, count },
  );
  return {
    rows: rowCount,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    merged: tally.merged,
    rejected,
    commitments: tally.commitments,
    unassigned: tally.unassigned,
    perOwner: perOwner.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    perTemperature: tally.perTemperature,
    unknownOwners: [...newMembers.entries()].map(([key, m]) => ({ name: m.name, rows: unknownRows.get(key) ?? [], count: unknownCounts.get(key) ?? 0 })),
    nearMisses: [],
    contactMatches: [],
    noteFindings: { total: 0, taken: 0, items: [] },
    inactiveOwners: [...inactiveCounts.entries()].map(([memberId, count]) => ({ memberId, name: rosterById.get(memberId)?.name ?? "?", count })),
    problems,
  };
}

export interface ApplyInput {
  teamId: number;
  actorMemberId: number;
  rows: Iterable<ImportRow>;
  mode: ImportMode;
  now: Date;
  presentFields?: readonly string[];
  /** Rows the parser already rejected: with mode "all" any of them stops the whole import. */
  parseRejected?: number;
  /** The batch being applied; marked applied in the same transaction. */
  batchId?: number;
  ownerChoices?: Readonly<Record<string, number | "new">>;
  noteChoice?: NoteChoice;
}

export type ApplyResult =
  | { ok: true; summary: ImportSummary; clientIds: number[]; newMemberIds: number[] }
  | { ok: false; reason: "has_rejected"; summary: ImportSummary; rejected: number };

/** Re-plans against the current data and writes the plan in one transaction: all or nothing. */
export function applyImport(db: Db, input: ApplyInput): ApplyResult {
  return db.$client.transaction(() => applyInTransaction(db, input))();
}

/** The body of applyImport, for callers that already hold a transaction (batches). */
export function applyInTransaction(db: Db, input: ApplyInput): ApplyResult {
  const snapshot = loadTeamSnapshot(db, input.teamId);
  const plan = planImport(snapshot, input);
  const rejected = plan.rejectedRows + (input.parseRejected ?? 0);
  if (input.mode === "all" && rejected > 0) return { ok: false, reason: "has_rejected", summary: plan.summary, rejected };
  const written = writePlan(db.$client, input, plan);
  return { ok: true, summary: plan.summary, ...written };
}

const CLIENT_COLUMNS = `(team_id, external_id, name, company, phones, primary_phone, email, owner_id, temperature,
  last_contact_on, next_contact_on, notes, unassigned_since, created_at, updated_at)`;
const CLIENT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const CLIENT_VALUE_COUNT = 15;
const CLIENTS_PER_INSERT = 50;

function writePlan(sqlite: Database.Database, input: ApplyInput, plan: ImportPlan): { clientIds: number[]; newMemberIds: number[] } {
  const now = input.now.getTime();
  const team = input.teamId;
  const memberIds = new Map<string, number>();
  const used = new Set<string>();
  for (const d of plan.drafts) if (typeof d.owner === "string") used.add(d.owner);
  const insertMember = sqlite.prepare(
    "INSERT INTO members (team_id, telegram_id, username, name, role, status, created_at) VALUES (?, NULL, ?, ?, 'manager', 'active', ?)",
  );
  // Only names some surviving row still points at become members.
  for (const [key, m] of plan.newMembers) {
    if (used.has(key)) memberIds.set(key, Number(insertMember.run(team, m.username, m.name, now).lastInsertRowid));
  }
  const ownerId = (o: OwnerTarget): number | null => (typeof o === "string" ? memberIds.get(o)! : o);

  // New clients: one prepared INSERT per CLIENTS_PER_INSERT clients (a statement per client costs about
  // 15 % more). Their rowids are consecutive (nobody else writes inside this transaction): each insert's
  // last rowid gives the ids of its rows, and one INSERT ... SELECT writes all their "imported" events.
  const fresh = plan.drafts.filter((d) => d.existingId === null);
  const freshIds = new Array<number>(fresh.length);
  const insertClients = (rows: number) =>
    sqlite.prepare(`INSERT INTO clients ${CLIENT_COLUMNS} VALUES ${Array.from({ length: rows }, () => CLIENT_VALUES).join(", ")}`);
  const insertMany = fresh.length >= CLIENTS_PER_INSERT ? insertClients(CLIENTS_PER_INSERT) : null;
  const insertOne = insertClients(1);
  const args: unknown[] = new Array(CLIENT_VALUE_COUNT * CLIENTS_PER_INSERT);
  const bind = (d: Draft, at: number): void => {
    const s = d.state;
    const owner = ownerId(d.owner);
    args[at] = team;
    args[at + 1] = s.externalId;
    args[at + 2] = s.name;
    args[at + 3] = s.company;
    args[at + 4] = JSON.stringify(s.phones);
    args[at + 5] = s.phones[0] ?? null;
    args[at + 6] = s.email;
    args[at + 7] = owner;
    args[at + 8] = s.temperature;
    args[at + 9] = s.lastContactOn;
    args[at + 10] = s.nextContactOn;
    args[at + 11] = s.notes;
    args[at + 12] = owner === null ? now : null;
    args[at + 13] = now;
    args[at + 14] = now;
  };
  for (let i = 0; i < fresh.length; ) {
    const many = insertMany !== null && fresh.length - i >= CLIENTS_PER_INSERT;
    const rows = many ? CLIENTS_PER_INSERT : 1;
    for (let r = 0; r < rows; r++) bind(fresh[i + r]!, r * CLIENT_VALUE_COUNT);
    const last = Number((many ? insertMany : insertOne).run(many ? args : args.slice(0, CLIENT_VALUE_COUNT)).lastInsertRowid);
    for (let r = 0; r < rows; r++) freshIds[i + r] = last - rows + 1 + r;
    i += rows;
  }
  if (fresh.length > 0 && freshIds[fresh.length - 1]! - freshIds[0]! + 1 !== fresh.length) {
    throw new Error("import: new clients' ids are not consecutive"); // rolls the whole import back
  }
  if (fresh.length > 0) {
    // One statement writes every "imported" event.
    sqlite
      .prepare(
        `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
         SELECT team_id, id, ?, 'imported', ?, ? FROM clients WHERE id BETWEEN ? AND ? AND team_id = ?`,
      )
      .run(input.actorMemberId, JSON.stringify({ batchId: input.batchId ?? null }), now, freshIds[0], freshIds[fresh.length - 1], team);
  }

  const updateClient = sqlite.prepare(
    `UPDATE clients SET external_id = ?, name = ?, company = ?, phones = ?, primary_phone = ?, email = ?, owner_id = ?,
       previous_owner_id = ?, temperature = ?, last_contact_on = ?, next_contact_on = ?, notes = ?, unassigned_since = ?,
       updated_at = ? WHERE id = ?`,
  );
  const currentOwner = sqlite.prepare("SELECT owner_id, previous_owner_id, unassigned_since FROM clients WHERE id = ?").raw();
  const insertVoice = sqlite.prepare(
    `INSERT INTO client_voices (team_id, client_id, member_id, last_touch_at, source) VALUES (?, ?, ?, ?, 'import')
     ON CONFLICT (client_id, member_id) DO UPDATE SET last_touch_at = max(last_touch_at, excluded.last_touch_at)`,
  );
  const insertEvent = sqlite.prepare("INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) VALUES (?, ?, ?, ?, ?, ?)");
  const insertCommitment = sqlite.prepare(
    "INSERT INTO commitments (team_id, client_id, owner_id, kind, text, due_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
  );
  // A client the file gives to someone leaving waits in the pool as one of their handover's clients.
  const fromLeaver = sqlite.prepare(
    `UPDATE clients SET previous_owner_id = coalesce(previous_owner_id, ?),
       origin_handover_id = coalesce((SELECT id FROM handovers WHERE leaver_id = ? AND status = 'active'), origin_handover_id)
     WHERE id = ? AND owner_id IS NULL`,
  );
  const batch = input.batchId ?? null;
  const clientIds: number[] = [];
  let freshIndex = 0;
  for (const d of plan.drafts) {
    const s = d.state;
    const owner = ownerId(d.owner);
    let clientId: number;
    if (d.existingId === null) {
      clientId = freshIds[freshIndex++]!;
    } else {
      clientId = d.existingId;
      const changed = d.changed && d.changed.size > 0 ? [...d.changed].sort() : [];
      if (changed.length > 0) {
        const [oldOwner, oldPrevious, oldSince] = currentOwner.get(clientId) as [number | null, number | null, number | null];
        const ownerChanged = changed.includes("owner");
        updateClient.run(
          s.externalId, s.name, s.company, JSON.stringify(s.phones), s.phones[0] ?? null, s.email, owner,
          ownerChanged && oldOwner !== null ? oldOwner : oldPrevious, s.temperature, s.lastContactOn, s.nextContactOn, s.notes,
          owner === null ? (oldSince ?? now) : null, now, clientId,
        );
      }
      if (changed.length > 0 || d.commitments.length > 0) {
        const details: Record<string, unknown> = { batchId: batch, row: d.firstRow, fields: changed };
        if (changed.includes("owner")) Object.assign(details, { fromOwnerId: typeof d.ownerBefore === "number" ? d.ownerBefore : null, toOwnerId: owner });
        if (d.commitments.length > 0) details.commitments = d.commitments.length;
        insertEvent.run(team, clientId, input.actorMemberId, "updated", JSON.stringify(details), now);
      }
    }
    for (const c of d.commitments) insertCommitment.run(team, clientId, owner, c.kind, c.text, c.dueOn, now);
    if (d.leaverId !== undefined) fromLeaver.run(d.leaverId, d.leaverId, clientId);
    for (const memberId of d.voices ?? []) if (memberId !== owner) insertVoice.run(team, clientId, memberId, now);
    clientIds.push(clientId);
  }
  return { clientIds, newMemberIds: [...memberIds.values()] };
}
