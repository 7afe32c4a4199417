// Call outcomes: reached (next contact fixed), no answer, call back at, lost. One rule set for reactivation
// calls and ordinary calls logged from a client card; every outcome lands in the client's history.
import { and, eq, ne } from "drizzle-orm";
import { formatTime } from "../platform/format/date-time.js";
import type { Db, DbOrTx } from "../db/client.js";
import {
  calls,
  clientEvents,
  clients,
  members,
  teams,
  type CallStatus,
  type LostReason,
  type Terms,
} from "../db/schema.js";
import { addDays, localDate, nextWorkingDay } from "../platform/calendar.js";
import { teamCalendar } from "../platform/work-time.js";
import { markStepDoneAutomatically } from "../handover/checklist.js";
import { callStatements, HISTORY_ON_CARD } from "./call-statements.js";
import type { Commitment } from "../clients/commitments.js";
import { recordTouch } from "../stars/voices.js";

export type Call = typeof calls.$inferSelect;
type Team = typeof teams.$inferSelect;
type Member = typeof members.$inferSelect;

const LOST_REASONS: readonly LostReason[] = ["went_with_leaver", "competitor", "no_need", "other"];
/** After this many unanswered attempts the team's leads hear about it. */
export const ATTEMPTS_BEFORE_LEAD_ALERT = 3;
/** A next contact further away than this is a typo, not a plan. */
export const MAX_NEXT_CONTACT_DAYS = 2 * 366;
export const MAX_NOTE_LENGTH = 1000;

export type Outcome =
  | { kind: "reached"; nextContactOn: string }
  | { kind: "no_answer" }
  | { kind: "callback"; date: string; time: string | null }
  | { kind: "lost"; reason: LostReason };

/**
 * A call by id, or "a call with this client" from the client card (the open one, or a new ordinary one).
 * `seen` is the newest call of the client when the card was drawn (0: none): a newer one means this
 * card's outcome is already recorded, so a double tap or an old card cannot record a second call.
 */
export type CallRef = { callId: number } | { clientId: number; seen?: number };

export type RecordResult =
  | {
      ok: true;
      callId: number;
      status: CallStatus;
      dueOn: string;
      dueTime: string | null;
      attempts: number;
      /** The handover whose reactivation step this outcome completed (refresh its checklist). */
      reactivationDoneFor: number | null;
    }
  | { ok: false; reason: "not_found" | "forbidden" | "bad_date" }
  | { ok: false; reason: "resolved"; callId: number; status: CallStatus };

/** A client lost on a second-voice touch: the owner must hear it from the bot at once. */
export interface SecondVoiceLost {
  callId: number;
  teamId: number;
  clientId: number;
  clientName: string;
  ownerId: number | null;
  actorId: number;
  actorName: string;
  reason: LostReason;
}

/** What a lead alert needs; the caller turns it into a message (texts live with the bot). */
export interface AttemptsAlert {
  callId: number;
  teamId: number;
  clientId: number;
  clientName: string;
  assigneeName: string;
  attempts: number;
  leads: { memberId: number; telegramId: number }[];
}

/**
 * Records an outcome in one transaction. Only the assignee, the client's owner or a lead of the team may;
 * a call that is no longer open is reported as such and left alone (stale cards, double taps).
 * `onAttemptsExhausted` runs inside the transaction, so a lead alert is enqueued with the outcome or not at all.
 */
export function recordOutcome(
  db: Db,
  input: {
    ref: CallRef;
    actorId: number;
    outcome: Outcome;
    now: Date;
    onAttemptsExhausted?: (tx: DbOrTx, alert: AttemptsAlert) => void;
    /** A second-voice caller lost the client: the owner is told at once, in the same transaction. */
    onSecondVoiceLost?: (tx: DbOrTx, lost: SecondVoiceLost) => void;
  },
): RecordResult {
  return db.transaction((tx): RecordResult => {
    const target = resolveTarget(tx, input.ref, input.actorId);
    if (!target.ok) return target;
    const { actor, team, client } = target;
    let call = target.call;
    if (call && call.status !== "open") return { ok: false, reason: "resolved", callId: call.id, status: call.status };
    if (call?.kind === "second_voice" && (client.ownerId === call.assigneeId || client.ownerId === null || client.status !== "active")) {
      // The client moved to the caller, left the pool or was lost since the plan: the touch is void.
      tx.update(calls).set({ status: "cancelled", resolvedAt: input.now.getTime() }).where(eq(calls.id, call.id)).run();
      return { ok: false, reason: "resolved", callId: call.id, status: "cancelled" };
    }
    const newer = call ? null : newerCallThanCard(tx, input.ref, client.id);
    if (newer) return { ok: false, reason: "resolved", callId: newer.id, status: newer.status };

    const cal = teamCalendar(team);
    const today = localDate(input.now, team.timezone);
    const at = input.now.getTime();
    const outcome = input.outcome;

    if (outcome.kind === "reached" && !(outcome.nextContactOn > today && outcome.nextContactOn <= addDays(today, MAX_NEXT_CONTACT_DAYS))) {
      return { ok: false, reason: "bad_date" };
    }
    if (outcome.kind === "callback") {
      const nowTime = formatTime(input.now.getTime(), team.timezone);
      const tooEarly = outcome.date < today || (outcome.date === today && outcome.time !== null && outcome.time <= nowTime);
      if (tooEarly || outcome.date > addDays(today, MAX_NEXT_CONTACT_DAYS)) return { ok: false, reason: "bad_date" };
    }

    // A call logged from the client card with no open call becomes an ordinary call now.
    call ??= tx
      .insert(calls)
      .values({ teamId: team.id, clientId: client.id, assigneeId: client.ownerId ?? actor.id, kind: "ordinary", dueOn: today, createdAt: at })
      .returning()
      .get();

    let reactivationDoneFor: number | null = null;
    let eventDetails: Record<string, unknown>;
    switch (outcome.kind) {
      case "reached": {
        call = update(tx, call.id, { status: "reached", nextContactOn: outcome.nextContactOn, resolvedById: actor.id, resolvedAt: at });
        tx.update(clients)
          .set({ nextContactOn: outcome.nextContactOn, lastContactOn: today, status: "active", updatedAt: at })
          .where(eq(clients.id, client.id))
          .run();
        eventDetails = { callId: call.id, nextContactOn: outcome.nextContactOn };
        break;
      }
      case "lost": {
        call = update(tx, call.id, { status: "lost", lostReason: outcome.reason, resolvedById: actor.id, resolvedAt: at });
        tx.update(clients).set({ status: "lost", updatedAt: at }).where(eq(clients.id, client.id)).run();
        eventDetails = { callId: call.id, reason: outcome.reason };
        break;
      }
      case "no_answer": {
        const attempts = call.attempts + 1;
        const movedTo = nextWorkingDay(today, cal);
        call = callStatements(tx).noAnswer.get({ id: call.id, attempts, dueOn: movedTo })!;
        eventDetails = { callId: call.id, attempts, movedTo };
        if (attempts === ATTEMPTS_BEFORE_LEAD_ALERT && input.onAttemptsExhausted) {
          const assignee = tx.select({ name: members.name }).from(members).where(eq(members.id, call.assigneeId)).get();
          const leads = tx
            .select({ memberId: members.id, telegramId: members.telegramId })
            .from(members)
            .where(and(eq(members.teamId, team.id), eq(members.role, "lead"), ne(members.status, "left")))
            .all()
            .filter((l): l is { memberId: number; telegramId: number } => l.telegramId !== null && l.memberId !== actor.id && l.memberId !== call!.assigneeId);
          if (leads.length > 0) {
            input.onAttemptsExhausted(tx, {
              callId: call.id,
              teamId: team.id,
              clientId: client.id,
              clientName: client.name,
              assigneeName: assignee?.name ?? "—",
              attempts,
              leads,
            });
          }
        }
        break;
      }
      case "callback": {
        call = update(tx, call.id, { dueOn: outcome.date, dueTime: outcome.time });
        eventDetails = { callId: call.id, dueOn: outcome.date, dueTime: outcome.time };
        break;
      }
    }
    callStatements(tx).insertEvent.run(team.id, client.id, actor.id, `call_${outcome.kind}`, JSON.stringify({ kind: call.kind, ...eventDetails }), at);
    // Whoever spoke with the client is one of its voices (de-starring); an unanswered call is no touch.
    if (outcome.kind !== "no_answer") recordTouch(tx, { teamId: team.id, clientId: client.id, memberId: actor.id, at, source: "call" });
    if (outcome.kind === "lost" && call.kind === "second_voice") input.onSecondVoiceLost?.(tx, { callId: call.id, teamId: team.id, clientId: client.id, clientName: client.name, ownerId: client.ownerId, actorId: actor.id, actorName: actor.name, reason: outcome.reason });

    if (call.kind === "reactivation" && call.handoverId !== null && call.status !== "open") {
      const left = callStatements(tx).openReactivationsLeft.get({ handoverId: call.handoverId });
      if ((left?.n ?? 0) === 0 && markStepDoneAutomatically(tx, { handoverId: call.handoverId, kind: "reactivation", now: input.now })) {
        reactivationDoneFor = call.handoverId;
      }
    }
    return { ok: true, callId: call.id, status: call.status, dueOn: call.dueOn, dueTime: call.dueTime, attempts: call.attempts, reactivationDoneFor };
  });
}

/** Adds a note to a call after its outcome (the optional "anything to remember?" question). */
export function addCallNote(db: Db, input: { callId: number; actorId: number; note: string; now: Date }): "saved" | "not_found" | "forbidden" {
  const note = input.note.trim().slice(0, MAX_NOTE_LENGTH);
  return db.transaction((tx) => {
    const target = resolveTarget(tx, { callId: input.callId }, input.actorId);
    if (!target.ok) return target.reason === "forbidden" ? "forbidden" : "not_found";
    const call = target.call!;
    const combined = call.note ? `${call.note}\n${note}` : note;
    tx.update(calls).set({ note: combined.slice(0, MAX_NOTE_LENGTH * 2) }).where(eq(calls.id, call.id)).run();
    tx.insert(clientEvents)
      .values({ teamId: call.teamId, clientId: call.clientId, actorId: input.actorId, kind: "call_note", details: { callId: call.id, note }, at: input.now.getTime() })
      .run();
    recordTouch(tx, { teamId: call.teamId, clientId: call.clientId, memberId: input.actorId, at: input.now.getTime(), source: "note" });
    return "saved";
  });
}

type Target =
  | { ok: true; actor: Member; team: Team; client: typeof clients.$inferSelect; call: Call | null }
  | { ok: false; reason: "not_found" | "forbidden" };

/** Finds the call (or the client's open call) and checks the actor may act on it. Never trusts the ref. */
function resolveTarget(tx: DbOrTx, ref: CallRef, actorId: number): Target {
  const q = callStatements(tx);
  const actor = q.memberById.get({ id: actorId });
  if (!actor || actor.status === "left") return { ok: false, reason: "forbidden" };
  let call: Call | null = null;
  let clientId: number;
  if ("callId" in ref) {
    call = q.callById.get({ id: ref.callId }) ?? null;
    if (!call || call.teamId !== actor.teamId) return { ok: false, reason: "not_found" };
    clientId = call.clientId;
  } else {
    clientId = ref.clientId;
  }
  const client = q.clientById.get({ id: clientId });
  if (!client || client.teamId !== actor.teamId) return { ok: false, reason: "not_found" };
  if (!("callId" in ref)) call = openCallOfClient(tx, client.id, actor.id);
  const team = q.teamById.get({ id: actor.teamId });
  if (!team) return { ok: false, reason: "not_found" };
  const allowed = actor.role === "lead" || call?.assigneeId === actor.id || client.ownerId === actor.id;
  if (!allowed) return { ok: false, reason: "forbidden" };
  // A leaver records nothing (handover/leaver-access.ts).
  if (!mayChange(tx, actor)) return { ok: false, reason: "forbidden" };
  return { ok: true, actor, team, client, call };
}

/** leaver-access.ts's mayChangeClients, on a prepared statement: nobody leaving records anything. */
function mayChange(tx: DbOrTx, member: { id: number; status: string }): boolean {
  return member.status !== "left" && !callStatements(tx).activeHandoverOfLeaver.get({ leaverId: member.id });
}

function latestCallOf(tx: DbOrTx, clientId: number): Call | null {
  return callStatements(tx).latestCallOf.get({ clientId }) ?? null;
}

/** For a client-card ref: a call made after the card was drawn (its outcome is already recorded), else null. */
function newerCallThanCard(tx: DbOrTx, ref: CallRef, clientId: number): Call | null {
  if ("callId" in ref || ref.seen === undefined) return null;
  const latest = latestCallOf(tx, clientId);
  return latest && latest.id > ref.seen ? latest : null;
}

/** The client's open call, the viewer's own first (calls_client_idx). */
export function openCallOfClient(tx: DbOrTx, clientId: number, preferAssigneeId?: number): Call | null {
  return callStatements(tx).openCallOf.get({ clientId, prefer: preferAssigneeId ?? -1 }) ?? null;
}

function update(tx: DbOrTx, id: number, set: Partial<Call>): Call {
  return tx.update(calls).set(set).where(eq(calls.id, id)).returning().get()!;
}

// ---------------------------------------------------------------------------------------------
// What a call card shows.

export interface CallCardData {
  call: Call | null;
  client: typeof clients.$inferSelect;
  ownerName: string | null;
  assigneeName: string | null;
  previousOwnerName: string | null;
  resolvedByName: string | null;
  /** For reactivation calls: whose clients these were and on what terms they left. */
  handover: { terms: Terms; leaverName: string } | null;
  /** The client's open commitments, soonest first (no date first). */
  commitments: Pick<Commitment, "dueOn" | "text">[];
  /** Newest first; `fromName`/`toName`: the owners an owner change was between (null: the unassigned pool). */
  history: { kind: string; at: number; details: Record<string, unknown> | null; actorName: string | null; fromName: string | null; toName: string | null }[];
  canRecord: boolean;
  viewerIsAssignee: boolean;
  /** What the card's buttons carry: the call, or (no call) the client with its newest call as `seen` (0: none). */
  ref: CallRef;
  today: string;
  timezone: string;
}

;

/** What a card is about, checked against the viewer's team: the call (or the client's open call) and its client. */
interface CardTarget {
  viewer: Member;
  call: Call | null;
  client: typeof clients.$inferSelect;
  canRecord: boolean;
}

function cardTarget(db: DbOrTx, input: { ref: CallRef; viewerId: number }): CardTarget | null {
  const q = callStatements(db);
  const viewer = q.memberById.get({ id: input.viewerId });
  if (!viewer || viewer.status === "left") return null;
  let call: Call | null = null;
  let clientId: number;
  if ("callId" in input.ref) {
    call = q.callById.get({ id: input.ref.callId }) ?? null;
    if (!call || call.teamId !== viewer.teamId) return null;
    clientId = call.clientId;
  } else {
    clientId = input.ref.clientId;
  }
  const client = q.clientById.get({ id: clientId });
  if (!client || client.teamId !== viewer.teamId) return null;
  if (!("callId" in input.ref)) call = openCallOfClient(db, client.id, viewer.id) ?? newerCallThanCard(db, input.ref, client.id);
  const canRecord = (viewer.role === "lead" || call?.assigneeId === viewer.id || client.ownerId === viewer.id) && mayChange(db, viewer);
  return { viewer, call, client, canRecord };
}

/** The ref a card's buttons carry: its call, or the client with the newest call seen when it was drawn. */
function cardRef(db: DbOrTx, target: Pick<CardTarget, "call" | "client">): CallRef {
  return target.call ? { callId: target.call.id } : { clientId: target.client.id, seen: latestCallOf(db, target.client.id)?.id ?? 0 };
}

/**
 * What a tap on a card needs to know before it acts (the card is drawn once, after the outcome): is the
 * call still open, may the viewer record on it, and the ref its buttons carry. Null when not theirs to see.
 */
export function callCardState(db: DbOrTx, input: { ref: CallRef; viewerId: number }): { open: boolean; canRecord: boolean; ref: CallRef } | null {
  const target = cardTarget(db, input);
  if (!target) return null;
  return { open: target.call === null || target.call.status === "open", canRecord: target.canRecord, ref: cardRef(db, target) };
}

/** Everything a call card shows, checked against the viewer's team; null when not theirs to see. */
export function callCardData(db: Db, input: { ref: CallRef; viewerId: number; now: Date }): CallCardData | null {
  const target = cardTarget(db, input);
  if (!target) return null;
  const { viewer, call, client, canRecord } = target;
  const q = callStatements(db);
  const timezone = q.teamTimezone.get(viewer.teamId) as string;

  // Each person the card names is looked up once (owner, assignee, leaver, history's owner changes).
  const names = new Map<number, string | null>();
  const nameOf = (id: number | null | undefined): string | null => {
    if (id == null) return null;
    let name = names.get(id);
    if (name === undefined) names.set(id, (name = (q.memberName.get(id) as string | undefined) ?? null));
    return name;
  };

  let handover: CallCardData["handover"] = null;
  if (call?.kind === "reactivation") {
    const h = call.handoverId === null ? undefined : q.handoverById.get({ id: call.handoverId });
    if (h) {
      handover = { terms: h.terms, leaverName: nameOf(h.leaverId) ?? "—" };
    } else if (call.distributionId !== null) {
      // A pool distribution: the client's previous owner stands in for the leaver, on good terms.
      const item = q.distributionFrom.get({ distributionId: call.distributionId, clientId: client.id });
      const leaverName = nameOf(item?.from ?? client.previousOwnerId);
      if (leaverName) handover = { terms: "good", leaverName };
    }
  }

  const events = q.history.all(client.id) as [string, number, string | null, number | null][];
  // Owner changes are stored as member ids (from/to, fromOwnerId/toOwnerId); the card names them.
  const memberIn = (d: Record<string, unknown> | null, keys: string[]) => {
    for (const k of keys) if (typeof d?.[k] === "number") return nameOf(d[k] as number);
    return null;
  };
  const history = events.map(([kind, at, json, actorId]) => {
    const details = json === null ? null : (JSON.parse(json) as Record<string, unknown> | null);
    return { kind, at, details, actorName: nameOf(actorId), fromName: memberIn(details, ["from", "fromOwnerId"]), toName: memberIn(details, ["to", "toOwnerId"]) };
  });

  return {
    call,
    client,
    ownerName: nameOf(client.ownerId),
    assigneeName: nameOf(call?.assigneeId),
    previousOwnerName: nameOf(client.previousOwnerId),
    resolvedByName: nameOf(call?.resolvedById),
    handover,
    commitments: (q.openCommitmentsOfClient.all(client.id) as [string | null, string][]).map(([dueOn, text]) => ({ dueOn, text })),
    history,
    canRecord,
    ref: cardRef(db, target),
    viewerIsAssignee: call?.assigneeId === viewer.id,
    today: localDate(input.now, timezone),
    timezone,
  };
}

/** The team's local date now. */
function teamToday(db: Db, teamId: number, now: Date): string {
  const team = db.select({ timezone: teams.timezone }).from(teams).where(eq(teams.id, teamId)).get();
  return localDate(now, team?.timezone ?? "UTC");
}
