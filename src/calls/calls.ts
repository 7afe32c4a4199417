// Call outcomes: reached (next contact fixed), no answer, call back at, lost. One rule set for reactivation
// calls and ordinary calls logged from a client card; every outcome lands in the client's history.
import { and, eq } from "drizzle-orm";
import { actingMember } from "../handover/leaver-access.js";
import { formatTime } from "../platform/format/date-time.js";
import type { Db, DbOrTx } from "../db/client.js";
import {
  calls,
  clientEvents,
  clients,
  members,
  type teams,
  type CallStatus,
  type LostReason,
} from "../db/schema.js";
import { addDays, localDate, nextWorkingDay } from "../platform/calendar.js";
import { teamCalendar } from "../platform/work-time.js";
import { markStepDoneAutomatically } from "../handover/checklist.js";
import { callStatements, } from "./call-statements.js";
import { recordTouch } from "../stars/voices.js";
import { nextContactAfterReach } from "./next-contact.js";
import { canSee } from "../clients/clients.js";

export type Call = typeof calls.$inferSelect;
type Team = typeof teams.$inferSelect;
type Member = typeof members.$inferSelect;

/** After this many unanswered attempts the team's leads hear about it. */
export const ATTEMPTS_BEFORE_LEAD_ALERT = 3;
/** A next contact further away than this is a typo, not a plan. */
export const MAX_NEXT_CONTACT_DAYS = 2 * 366;
export const MAX_NOTE_LENGTH = 1000;

export type Outcome =
  | { kind: "reached"; nextContactOn: string }
  /** `attemptsSeen`: the attempts the tapped card showed; others now mean this tap is a repeat. */
  | { kind: "no_answer"; attemptsSeen?: number }
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
  | { ok: false; reason: "not_found" | "hidden" | "forbidden" | "bad_date" }
  | { ok: false; reason: "resolved"; callId: number; status: CallStatus }
  /** The card was drawn before someone else acted on the call: nothing recorded, the card is redrawn. */
  | { ok: false; reason: "stale"; callId: number; status: CallStatus };

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
 * a call that is no longer open is reported as such and left alone (stale cards, double taps), and so is a
 * repeated "No answer" (the attempts differ from those its card showed).
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
    const newer = call ? null : newerCallThanCard(tx, input.ref, client.id, actor.id);
    if (newer) return { ok: false, reason: "resolved", callId: newer.id, status: newer.status };
    // A client card drawn with no open call whose open call is newer than the card: the first tap of a double
    // tap made it (the card's buttons were redrawn onto it), or someone else did since.
    const cardBehind = call !== null && !("callId" in input.ref) && input.ref.seen !== undefined && call.id > input.ref.seen;
    // A double tap on "No answer": the first one's attempt is already counted (and its alert sent).
    const seen = input.outcome.kind === "no_answer" ? input.outcome.attemptsSeen : undefined;
    if (call && (cardBehind || (seen !== undefined && call.attempts !== seen))) {
      // Our own first tap did it (a repeat), or someone else acted since the card was drawn (stale).
      const repeat = callStatements(tx).lastOutcomeActor.get(client.id, call.id) === actor.id;
      return { ok: false, reason: repeat ? "resolved" : "stale", callId: call.id, status: call.status };
    }

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
    let calledOff: { kind: string; handoverId: number | null }[] = [];
    let eventDetails: Record<string, unknown>;
    switch (outcome.kind) {
      case "reached": {
        const byOwner = client.ownerId === null || client.ownerId === actor.id;
        const next = nextContactAfterReach({ current: client.nextContactOn, asked: outcome.nextContactOn, today, byOwner });
        call = update(tx, call.id, { status: "reached", nextContactOn: next, resolvedById: actor.id, resolvedAt: at });
        tx.update(clients).set({ nextContactOn: next, lastContactOn: today, status: "active", updatedAt: at }).where(eq(clients.id, client.id)).run();
        // `asked`: the caller's date when the owner's nearer one was kept (the card says so).
        eventDetails = { callId: call.id, nextContactOn: next, ...(next === outcome.nextContactOn ? {} : { asked: outcome.nextContactOn }) };
        break;
      }
      case "lost": {
        call = update(tx, call.id, { status: "lost", lostReason: outcome.reason, resolvedById: actor.id, resolvedAt: at });
        tx.update(clients).set({ status: "lost", updatedAt: at }).where(eq(clients.id, client.id)).run();
        // The client's other open calls (the owner's reactivation call, when a colleague's touch lost it) are
        // nobody's work any more: called off, so no list hides a call that stays open for ever.
        calledOff = tx
          .update(calls)
          .set({ status: "cancelled", resolvedById: actor.id, resolvedAt: at })
          .where(and(eq(calls.clientId, client.id), eq(calls.status, "open")))
          .returning({ kind: calls.kind, handoverId: calls.handoverId })
          .all();
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
            // Acting leads only: a lead being offboarded has no lead powers (bot/middleware/context-extras.ts).
            .where(and(eq(members.teamId, team.id), eq(members.role, "lead"), eq(members.status, "active")))
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

    // The handover's call campaign is done when this tap closed its last reactivation call.
    const closed = [...(call.status === "open" ? [] : [call]), ...calledOff];
    const handoverId = closed.find((c) => c.kind === "reactivation" && c.handoverId !== null)?.handoverId ?? null;
    if (handoverId !== null) {
      const left = callStatements(tx).openReactivationsLeft.get({ handoverId });
      if ((left?.n ?? 0) === 0 && markStepDoneAutomatically(tx, { handoverId, kind: "reactivation", now: input.now })) {
        reactivationDoneFor = handoverId;
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
    if (!target.ok) return target.reason === "not_found" ? "not_found" : "forbidden";
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
  | { ok: false; reason: "not_found" | "hidden" | "forbidden" };

/** Finds the call (or the client's open call) and checks the actor may act on it. Never trusts the ref. */
function resolveTarget(tx: DbOrTx, ref: CallRef, actorId: number): Target {
  const q = callStatements(tx);
  const stored = q.memberById.get({ id: actorId });
  const actor = stored && actingMember(stored);
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
  if (!maySeeCall(actor, client, call)) return { ok: false, reason: "hidden" };
  // A leaver records nothing (handover/leaver-access.ts).
  if (!mayRecordOn(actor, call) || !mayChange(tx, actor)) return { ok: false, reason: "forbidden" };
  return { ok: true, actor, team, client, call };
}

/**
 * Who may see a call's card (the client's phones, commitments and history) and record on it: whoever may
 * see the client (clients.ts: a lead, its owner) and the member the call is assigned to (a second voice).
 */
export function maySeeCall(viewer: Member, client: Pick<typeof clients.$inferSelect, "teamId" | "ownerId">, call: Pick<Call, "assigneeId"> | null): boolean {
  return canSee({ memberId: viewer.id, teamId: viewer.teamId, role: viewer.role }, client) || (call !== null && call.assigneeId === viewer.id);
}

/**
 * A colleague's second-voice touch is theirs to make (the client hears from someone other than its owner):
 * the owner may open it, only the member it is assigned to, or a lead, records on it.
 */
export function mayRecordOn(viewer: Pick<Member, "id" | "role">, call: Pick<Call, "kind" | "assigneeId"> | null): boolean {
  return call?.kind !== "second_voice" || call.assigneeId === viewer.id || viewer.role === "lead";
}

/** leaver-access.ts's mayChangeClients, on a prepared statement: nobody leaving records anything. */
export function mayChange(tx: DbOrTx, member: { id: number; status: string }): boolean {
  return member.status !== "left" && !callStatements(tx).activeHandoverOfLeaver.get({ leaverId: member.id });
}

/** The client's newest call, leaving out colleagues' second-voice touches (see openCallOfClient). */
export function latestCallOf(tx: DbOrTx, clientId: number, viewerId: number): Call | null {
  return callStatements(tx).latestCallOf.get({ clientId, viewer: viewerId }) ?? null;
}

/** For a client-card ref: a call made after the card was drawn (its outcome is already recorded), else null. */
export function newerCallThanCard(tx: DbOrTx, ref: CallRef, clientId: number, viewerId: number): Call | null {
  if ("callId" in ref || ref.seen === undefined) return null;
  const latest = latestCallOf(tx, clientId, viewerId);
  return latest && latest.id > ref.seen ? latest : null;
}

/**
 * The client's open call for a card opened from the client, the viewer's own first (calls_client_idx).
 * Another member's second-voice touch is left out: it is theirs to make (call-statements.ts, `yours`).
 */
export function openCallOfClient(tx: DbOrTx, clientId: number, viewerId: number): Call | null {
  return callStatements(tx).openCallOf.get({ clientId, viewer: viewerId }) ?? null;
}

function update(tx: DbOrTx, id: number, set: Partial<Call>): Call {
  return tx.update(calls).set(set).where(eq(calls.id, id)).returning().get()!;
}
