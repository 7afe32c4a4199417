// What a call card shows: the call (or the client's latest one), names, commitments, history and what the
// viewer may do, read on every card tap by statements prepared once (call-statements.ts).

import type { Db, DbOrTx } from "../db/client.js";
import type { clients, members, Terms } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import type { Commitment } from "../clients/commitments.js";
import { callStatements } from "./call-statements.js";
import { actingMember } from "../handover/leaver-access.js";
import { latestCallOf, mayChange, mayRecordOn, maySeeCall, newerCallThanCard, openCallOfClient, type Call, type CallRef } from "./calls.js";
import { defaultScriptTemplate, scriptTemplate } from "./scripts.js";
import { touchTemplate } from "../stars/scripts.js";
import type { Locale, Translate } from "../platform/locale.js";

type Member = typeof members.$inferSelect;

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


/** What a card is about, checked against the viewer's team: the call (or the client's open call) and its client. */
interface CardTarget {
  viewer: Member;
  call: Call | null;
  client: typeof clients.$inferSelect;
  canRecord: boolean;
}

/** Why there is no card: no such call or client in the viewer's team, or one the viewer may not see. */
export type NoCard = "not_found" | "hidden";

function cardTarget(db: DbOrTx, input: { ref: CallRef; viewerId: number }): CardTarget | NoCard {
  const q = callStatements(db);
  const stored = q.memberById.get({ id: input.viewerId });
  const viewer = stored && actingMember(stored);
  if (!viewer || viewer.status === "left") return "not_found";
  let call: Call | null = null;
  let clientId: number;
  if ("callId" in input.ref) {
    call = q.callById.get({ id: input.ref.callId }) ?? null;
    if (!call || call.teamId !== viewer.teamId) return "not_found";
    clientId = call.clientId;
  } else {
    clientId = input.ref.clientId;
  }
  const client = q.clientById.get({ id: clientId });
  if (!client || client.teamId !== viewer.teamId) return "not_found";
  if (!("callId" in input.ref)) call = openCallOfClient(db, client.id, viewer.id) ?? newerCallThanCard(db, input.ref, client.id, viewer.id);
  // Being in the team is not enough: the card shows the whole client (a forged `call:o:`/`call:log:`).
  if (!maySeeCall(viewer, client, call)) return "hidden";
  return { viewer, call, client, canRecord: mayRecordOn(viewer, call) && mayChange(db, viewer) };
}

/** The ref a card's buttons carry: its call, or the client with the newest call seen when it was drawn. */
function cardRef(db: DbOrTx, target: Pick<CardTarget, "viewer" | "call" | "client">): CallRef {
  return target.call ? { callId: target.call.id } : { clientId: target.client.id, seen: latestCallOf(db, target.client.id, target.viewer.id)?.id ?? 0 };
}

/**
 * What a tap on a card needs to know before it acts (the card is drawn once, after the outcome): is the
 * call still open, may the viewer record on it, and the ref its buttons carry. Null when not theirs to see.
 */
export function callCardState(db: DbOrTx, input: { ref: CallRef; viewerId: number }): { open: boolean; canRecord: boolean; ref: CallRef } | NoCard {
  const target = cardTarget(db, input);
  if (typeof target === "string") return target;
  return { open: target.call === null || target.call.status === "open", canRecord: target.canRecord, ref: cardRef(db, target) };
}

/** Everything a call card shows, checked against the viewer (maySeeCall); why not when not theirs to see. */
export function callCardData(db: Db, input: { ref: CallRef; viewerId: number; now: Date }): CallCardData | NoCard {
  const target = cardTarget(db, input);
  if (typeof target === "string") return target;
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

/**
 * A call card to render (card-view.ts): its data and, for an open second-voice or reactivation call, the
 * team's words to say as a template in the viewer's language (the view fills in the names).
 */
export interface CallCard {
  data: CallCardData;
  scriptTemplate: string | null;
}

/** Loads a card for the viewer; why not when the call or client is not theirs to see. `t` gives the default scripts. */
export function loadCallCard(db: Db, input: { ref: CallRef; viewerId: number; now: Date; t: Translate; locale: Locale }): CallCard | NoCard {
  const data = callCardData(db, { ref: input.ref, viewerId: input.viewerId, now: input.now });
  if (typeof data === "string") return data;
  const { call, handover } = data;
  let template: string | null = null;
  if (call?.kind === "second_voice" && call.status === "open") {
    template = touchTemplate(db, { teamId: data.client.teamId, kind: call.touchKind ?? "colleague", locale: input.locale, translate: input.t }).text;
  } else if (handover && call?.status === "open") {
    template = scriptTemplate(db, { teamId: data.client.teamId, terms: handover.terms, locale: input.locale, fallback: () => defaultScriptTemplate(input.t, handover.terms) }).text;
  }
  return { data, scriptTemplate: template };
}
