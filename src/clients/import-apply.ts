// Writes an import plan: re-plans against the data as it is now and writes every draft in the caller's
// transaction, all or nothing, through the raw statements of import-queries.ts (100,000 new clients must
// not go through the query builder one by one).
import type { Db } from "../db/client.js";
import { followClientMovedByHand } from "./client-origin.js";
import { planImport, type ImportPlan } from "./import-plan.js";
import { CLIENT_VALUE_COUNT, CLIENTS_PER_INSERT, importStatements } from "./import-queries.js";
import { loadTeamSnapshot, type ClientState, type OwnerTarget } from "./import-snapshot.js";
import type { ImportMode, ImportRow, ImportSummary, NoteChoice } from "./import-summary.js";

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
  | { ok: true; summary: ImportSummary; clientIds: number[]; newMemberIds: number[]; movedTo: MovedClients }
  | { ok: false; reason: "has_rejected"; summary: ImportSummary; rejected: number };

/** Existing clients the file gave to another member: new owner → their client ids, in file order. */
export type MovedClients = Map<number, number[]>;

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
  const written = writePlan(db, input, plan);
  return { ok: true, summary: plan.summary, ...written };
}

function writePlan(db: Db, input: ApplyInput, plan: ImportPlan): { clientIds: number[]; newMemberIds: number[]; movedTo: MovedClients } {
  const q = importStatements(db);
  const now = input.now.getTime();
  const team = input.teamId;
  const memberIds = new Map<string, number>();
  const used = new Set<string>();
  for (const d of plan.drafts) if (typeof d.owner === "string") used.add(d.owner);
  for (const o of plan.plainNew.owners) if (typeof o === "string") used.add(o);
  // Only names some surviving row still points at become members.
  for (const [key, m] of plan.newMembers) {
    if (used.has(key)) memberIds.set(key, Number(q.insertMember.run(team, m.username, m.name, now).lastInsertRowid));
  }
  const ownerId = (o: OwnerTarget): number | null => (typeof o === "string" ? memberIds.get(o)! : o);

  // New clients, in file order: the plain ones (plan.plainNew) and those with a draft, merged in file order (Draft.plainBefore). One
  // prepared INSERT per CLIENTS_PER_INSERT clients (a statement per client costs about 15 % more). Their
  // rowids are consecutive (nobody else writes inside this transaction): each insert's last rowid gives
  // the ids of its rows, and one INSERT ... SELECT writes all their "imported" events.
  const plain = plan.plainNew;
  const newDrafts = plan.drafts.filter((d) => d.existingId === null);
  // Positions in that order: p >= 0 is plain.rows[p], p < 0 is newDrafts[~p].
  const fresh = new Int32Array(plain.rows.length + newDrafts.length);
  for (let i = 0, p = 0, n = 0; i < fresh.length; i++) {
    const draft = newDrafts[n];
    fresh[i] = p < plain.rows.length && (draft === undefined || p < draft.plainBefore) ? p++ : ~n++;
  }
  const freshIds = new Array<number>(fresh.length);
  const args: unknown[] = new Array(CLIENT_VALUE_COUNT * CLIENTS_PER_INSERT);
  const bind = (position: number, at: number): void => {
    const s: ClientState = position >= 0 ? plain.rows[position]! : newDrafts[~position]!.state;
    const owner = ownerId(position >= 0 ? plain.owners[position]! : newDrafts[~position]!.owner);
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
    const many = fresh.length - i >= CLIENTS_PER_INSERT;
    const rows = many ? CLIENTS_PER_INSERT : 1;
    for (let r = 0; r < rows; r++) bind(fresh[i + r]!, r * CLIENT_VALUE_COUNT);
    const last = Number((many ? q.insertClients : q.insertClient).run(many ? args : args.slice(0, CLIENT_VALUE_COUNT)).lastInsertRowid);
    for (let r = 0; r < rows; r++) freshIds[i + r] = last - rows + 1 + r;
    i += rows;
  }
  if (fresh.length > 0 && freshIds[fresh.length - 1]! - freshIds[0]! + 1 !== fresh.length) {
    throw new Error("import: new clients' ids are not consecutive"); // rolls the whole import back
  }
  if (fresh.length > 0) {
    // One statement writes every "imported" event.
    q.importedEvents.run(input.actorMemberId, JSON.stringify({ batchId: input.batchId ?? null }), now, freshIds[0], freshIds[fresh.length - 1], team);
  }

  const batch = input.batchId ?? null;
  // Client ids in file order: the plain new clients' between the drafts'. `f` walks `fresh` in step: the
  // plain clients before a draft, then the draft itself when it is a new client.
  const clientIds: number[] = [];
  const movedTo: MovedClients = new Map();
  let f = 0;
  let plainDone = 0;
  const plainUpTo = (count: number): void => {
    for (; plainDone < count; plainDone++) clientIds.push(freshIds[f++]!);
  };
  for (const d of plan.drafts) {
    plainUpTo(d.plainBefore);
    const s = d.state;
    const owner = ownerId(d.owner);
    let clientId: number;
    if (d.existingId === null) {
      clientId = freshIds[f++]!;
    } else {
      clientId = d.existingId;
      const changed = d.changed && d.changed.size > 0 ? [...d.changed].sort() : [];
      if (changed.length > 0) {
        const [oldOwner, oldPrevious, oldSince] = q.currentOwner.get(clientId) as [number | null, number | null, number | null];
        const ownerChanged = changed.includes("owner");
        q.updateClient.run(
          s.externalId, s.name, s.company, JSON.stringify(s.phones), s.phones[0] ?? null, s.email, owner,
          ownerChanged && oldOwner !== null ? oldOwner : oldPrevious, s.temperature, s.lastContactOn, s.nextContactOn, s.notes,
          owner === null ? (oldSince ?? now) : null, now, clientId,
        );
        // A new owner from the file is a move like the card's: commitments and open calls follow.
        if (ownerChanged && owner !== null && owner !== oldOwner) {
          q.commitmentsFollowOwner.run(owner, clientId);
          const theirs = movedTo.get(owner);
          if (theirs) theirs.push(clientId);
          else movedTo.set(owner, [clientId]);
          if (q.hasCallsToFollow.get(clientId, clientId)) followClientMovedByHand(db, { teamId: team, clientId, toMemberId: owner, now: input.now });
        }
      }
      if (changed.length > 0 || d.commitments.length > 0) {
        const details: Record<string, unknown> = { batchId: batch, row: d.firstRow, fields: changed };
        if (changed.includes("owner")) Object.assign(details, { fromOwnerId: typeof d.ownerBefore === "number" ? d.ownerBefore : null, toOwnerId: owner });
        if (d.commitments.length > 0) details.commitments = d.commitments.length;
        q.insertEvent.run(team, clientId, input.actorMemberId, "updated", JSON.stringify(details), now);
      }
    }
    for (const c of d.commitments) q.insertCommitment.run(team, clientId, owner, c.kind, c.text, c.dueOn, now);
    if (d.leaverId !== undefined) q.fromLeaver.run(d.leaverId, d.leaverId, clientId);
    for (const memberId of d.voices ?? []) if (memberId !== owner) q.insertVoice.run(team, clientId, memberId, now);
    clientIds.push(clientId);
  }
  plainUpTo(plain.rows.length);
  return { clientIds, newMemberIds: [...memberIds.values()], movedTo };
}
