// Parsed rows -> the team's client base. Two steps that share one planner, so the preview a lead sees and
// what is written cannot disagree: planImport reads the team into memory and decides every row without
// writing; applyImport (import-apply.ts) re-plans inside ONE synchronous transaction and writes it all, or
// nothing. The hot loop works on Maps: a 100,000-row file must not make 100,000 round trips through the
// query builder. import-batches.ts stores parsed files between preview and tap.
import { namesCompatible } from "./import/name-skeleton.js";
import { dedupeCommitments, mergeRow, NO_COMMITMENTS, setOwner, summarise, Tally, type Draft } from "./import-drafts.js";
import { commitmentKey, type ClientState, type OwnerTarget, type TeamSnapshot } from "./import-snapshot.js";
import type { ImportRow, ImportSummary, NoteChoice, PlanProblem, PlanRejectCode } from "./import-summary.js";
import { MAX_NOTE_ITEMS } from "./import-summary.js";
import { nameTokensKey, normalisePersonName, OwnerIndex, type RosterMember } from "./owner-match.js";

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
  /** Existing clients the file touches, and new clients with more than their row (commitments, voices, a leaver). */
  drafts: Draft[];
  /**
   * New clients that are just their row and an owner (most of a big file), in file order: two arrays
   * instead of a Draft each (100,000 fewer objects while the import is written).
   */
  plainNew: { rows: ImportRow[]; owners: OwnerTarget[] };
  /** Name-only members to add, by key. */
  newMembers: Map<string, { name: string; username: string | null }>;
  rejectedRows: number;
}

const MAX_PROBLEMS = 50;
const NO_VOICES: readonly number[] = Object.freeze([]);
const MAX_ROWS_LISTED = 10;

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
  const plainNew: ImportPlan["plainNew"] = { rows: [], owners: [] };
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
        const voices = voicesOfRow(row.voices);
        if (rowCommitments.length === 0 && !decision.inactive && voices.length === 0) {
          tally.written(row, owner, 0);
          plainNew.rows.push(row);
          plainNew.owners.push(owner);
        } else {
          draft = {
            existingId: null,
            ownerBefore: null,
            owner,
            state: row,
            ownState: false,
            changed: null,
            firstRow: row.rowNumber,
            plainBefore: plainNew.rows.length,
            rowCount: 1,
            commitments: rowCommitments.length ? dedupeCommitments(rowCommitments) : NO_COMMITMENTS,
          };
          tally.written(draft.state, owner, draft.commitments.length);
          if (decision.inactive) draft.leaverId = decision.inactive.id;
          drafts.push(draft);
          addVoices(draft, voices);
        }
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
            plainBefore: plainNew.rows.length,
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
  return { summary, drafts, plainNew, newMembers, rejectedRows: rejected };
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
