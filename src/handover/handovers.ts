// Handovers: one leaver's offboarding. Starting one marks the leaver departing at once (nothing new is
// assigned to them again) and copies the team's checklist template; cancelling one gives the leaver
// their previous status back and loses nothing else.
import { and, asc, eq, gte, inArray, lt, lte, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { checklistSteps, clients, commitments, handovers, members, users, type CommitmentKind, type MemberRole, type MemberStatus, type Temperature, type Terms } from "../db/schema.js";
import { recordAudit } from "../db/audit.js";
import { dropLeaverNotifications, mayChangeClients } from "./leaver-access.js";
import { cancelHandoverCalls } from "../calls/reactivation.js";
import { enqueueCallsCalledOff, enqueueHandoverCancelled } from "./notices.js";
import { returnPoolClientsToLeaver } from "./pool-return.js";
import { addDays } from "../platform/calendar.js";
import { dueDateFor, templateOf } from "./checklist-template.js";
import { getHandover, handoverClientCounts, markStepDoneAutomatically, type Handover } from "./checklist.js";

export { getHandover, type Handover };

/** How far ahead "what is at stake" looks for deadlines and next contacts. */
export const STAKE_WINDOW_DAYS = 7;
/** A last day further away than this is almost certainly a typo. */
export const MAX_DAYS_AHEAD = 365;

export interface LeaverCandidate {
  id: number;
  name: string;
  role: MemberRole;
  status: MemberStatus;
  /** Known by name only (e.g. an owner from an import who never opened the bot). */
  nameOnly: boolean;
  /** Their Telegram username, which tells namesakes apart on the buttons. */
  username: string | null;
  /** The active handover of this member, if one is already under way. */
  handoverId: number | null;
}

/** Everyone who could be leaving: the team's current members, leads included. */
export function leaverCandidates(db: DbOrTx, teamId: number): LeaverCandidate[] {
  const people = db
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), ne(members.status, "left")))
    .orderBy(asc(members.role), asc(members.name), asc(members.id))
    .all();
  const active = db
    .select({ id: handovers.id, leaverId: handovers.leaverId })
    .from(handovers)
    .where(and(eq(handovers.teamId, teamId), eq(handovers.status, "active")))
    .all();
  // Namesakes are told apart on the buttons by their Telegram username.
  const usernames = new Map(
    db
      .select({ telegramId: users.telegramId, username: users.username })
      .from(users)
      .innerJoin(members, eq(members.telegramId, users.telegramId))
      .where(eq(members.teamId, teamId))
      .all()
      .map((u) => [u.telegramId, u.username]),
  );
  return people
    .map((m) => ({
      id: m.id,
      name: m.name,
      username: m.telegramId === null ? null : (usernames.get(m.telegramId) ?? null),
      role: m.role,
      status: m.status,
      nameOnly: m.telegramId === null,
      handoverId: active.find((h) => h.leaverId === m.id)?.id ?? null,
    }))
    .sort((a, b) => (a.role === b.role ? 0 : a.role === "manager" ? -1 : 1));
}

export function activeHandoverOfLeaver(db: DbOrTx, leaverId: number): Handover | null {
  return db.select().from(handovers).where(and(eq(handovers.leaverId, leaverId), eq(handovers.status, "active"))).get() ?? null;
}

export interface LeaverNotes {
  isLead: boolean;
  isSelf: boolean;
  /** Nobody else could take the clients: the lead takes them ("take them myself" in the distribution). */
  noOtherManagers: boolean;
  clientCount: number;
}

export type LeaverCheck =
  | { ok: true; leaver: { id: number; name: string; role: MemberRole }; notes: LeaverNotes }
  | { ok: false; reason: "not_found" | "self_only_lead" }
  | { ok: false; reason: "already"; handoverId: number; name: string };

/** Whether `leaverId` can be offboarded by `starterId` now, and what to tell the lead about them. */
export function checkLeaver(db: DbOrTx, input: { teamId: number; leaverId: number; starterId: number }): LeaverCheck {
  const leaver = db.select().from(members).where(and(eq(members.id, input.leaverId), eq(members.teamId, input.teamId))).get();
  if (!leaver || leaver.status === "left") return { ok: false, reason: "not_found" };
  const existing = activeHandoverOfLeaver(db, leaver.id);
  if (existing) return { ok: false, reason: "already", handoverId: existing.id, name: leaver.name };
  const others = db
    .select()
    .from(members)
    .where(and(eq(members.teamId, input.teamId), eq(members.status, "active"), ne(members.id, leaver.id)))
    .all();
  const isSelf = leaver.id === input.starterId;
  // Somebody has to confirm the steps: a lead cannot offboard themselves without another lead.
  if (isSelf && !others.some((m) => m.role === "lead")) return { ok: false, reason: "self_only_lead" };
  const clientCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(clients)
      .where(and(eq(clients.teamId, input.teamId), eq(clients.ownerId, leaver.id), eq(clients.status, "active")))
      .get()?.n ?? 0;
  return {
    ok: true,
    leaver: { id: leaver.id, name: leaver.name, role: leaver.role },
    notes: {
      isLead: leaver.role === "lead",
      isSelf,
      noOtherManagers: !others.some((m) => m.role === "manager" && !m.excluded),
      clientCount,
    },
  };
}

export interface AtStake {
  clients: Record<Temperature, number> & { total: number };
  commitments: { open: number; documents: number; promises: number; deadlines: number; overdue: number };
  /** Commitments due from today to today + 7, soonest first (at most 10). */
  soon: { dueOn: string; client: string; kind: CommitmentKind; text: string }[];
  soonTotal: number;
  nextContacts: { overdue: number; dueSoon: number };
}

/** What the leaver's departure puts at risk, for the lead to see before confirming. */
export function atStake(db: DbOrTx, input: { teamId: number; leaverId: number; today: string }): AtStake {
  const owned = and(eq(clients.teamId, input.teamId), eq(clients.ownerId, input.leaverId), eq(clients.status, "active"));
  const temps = db.select({ t: clients.temperature, n: sql<number>`count(*)` }).from(clients).where(owned).groupBy(clients.temperature).all();
  const byTemp = { hot: 0, warm: 0, cold: 0 } as Record<Temperature, number>;
  for (const row of temps) byTemp[row.t] = row.n;
  const ids = db.select({ id: clients.id }).from(clients).where(owned);
  const open = and(inArray(commitments.clientId, ids), eq(commitments.status, "open"));
  const kinds = db.select({ k: commitments.kind, n: sql<number>`count(*)` }).from(commitments).where(open).groupBy(commitments.kind).all();
  const kindCount = (k: CommitmentKind) => kinds.find((r) => r.k === k)?.n ?? 0;
  const overdue = db.select({ n: sql<number>`count(*)` }).from(commitments).where(and(open, lt(commitments.dueOn, input.today))).get()?.n ?? 0;
  const horizon = addDays(input.today, STAKE_WINDOW_DAYS);
  const soonWhere = and(open, gte(commitments.dueOn, input.today), lte(commitments.dueOn, horizon));
  const soonTotal = db.select({ n: sql<number>`count(*)` }).from(commitments).where(soonWhere).get()?.n ?? 0;
  const soon = db
    .select({ dueOn: commitments.dueOn, client: clients.name, kind: commitments.kind, text: commitments.text })
    .from(commitments)
    .innerJoin(clients, eq(clients.id, commitments.clientId))
    .where(soonWhere)
    .orderBy(asc(commitments.dueOn), asc(commitments.id))
    .limit(10)
    .all()
    .map((r) => ({ ...r, dueOn: r.dueOn ?? input.today }));
  const contactsOverdue = db.select({ n: sql<number>`count(*)` }).from(clients).where(and(owned, lt(clients.nextContactOn, input.today))).get()?.n ?? 0;
  const contactsSoon =
    db
      .select({ n: sql<number>`count(*)` })
      .from(clients)
      .where(and(owned, gte(clients.nextContactOn, input.today), lte(clients.nextContactOn, horizon)))
      .get()?.n ?? 0;
  return {
    clients: { ...byTemp, total: byTemp.hot + byTemp.warm + byTemp.cold },
    commitments: {
      open: kinds.reduce((s, r) => s + r.n, 0),
      documents: kindCount("document"),
      promises: kindCount("promise"),
      deadlines: kindCount("deadline"),
      overdue,
    },
    soon,
    soonTotal,
    nextContacts: { overdue: contactsOverdue, dueSoon: contactsSoon },
  };
}

export type StartResult =
  | { ok: true; handoverId: number; noClients: boolean }
  | { ok: false; reason: "not_found" | "self_only_lead" | "not_lead" }
  | { ok: false; reason: "already"; handoverId: number; name: string };

/** Creates the handover and its checklist in one transaction. `today` is the team-local start day. */
export function startHandover(
  db: Db,
  input: { teamId: number; leaverId: number; startedById: number; terms: Terms; lastDay: string; today: string; now: Date },
): StartResult {
  return db.transaction((tx): StartResult => {
    const starter = tx.select().from(members).where(eq(members.id, input.startedById)).get();
    // A lead being offboarded starts no handover (the leaver's rights): checked again in the transaction.
    if (!starter || starter.teamId !== input.teamId || starter.role !== "lead" || !mayChangeClients(tx, starter)) return { ok: false, reason: "not_lead" };
    const check = checkLeaver(tx, { teamId: input.teamId, leaverId: input.leaverId, starterId: input.startedById });
    if (!check.ok) return check;
    const leaver = tx.select().from(members).where(eq(members.id, input.leaverId)).get()!;
    const at = input.now.getTime();
    const handover = tx
      .insert(handovers)
      .values({
        teamId: input.teamId,
        leaverId: leaver.id,
        startedById: starter.id,
        terms: input.terms,
        lastDay: input.lastDay,
        leaverPreviousStatus: leaver.status === "departing" ? "active" : leaver.status,
        createdAt: at,
      })
      .returning()
      .get();
    tx.update(members).set({ status: "departing" }).where(eq(members.id, leaver.id)).run();
    // Their clients remember this handover whatever path they take next (undo, pool, by hand).
    tx.update(clients)
      .set({ originHandoverId: handover.id })
      .where(and(eq(clients.teamId, input.teamId), eq(clients.status, "active"), sql`(${clients.ownerId} = ${leaver.id} OR (${clients.ownerId} IS NULL AND ${clients.previousOwnerId} = ${leaver.id}))`))
      .run();
    // On bad terms the leaver is out at once: what waits in the outbox for them is not sent.
    dropLeaverNotifications(tx, leaver.id, input.now);

    // The lead who started it answers for every step, unless they are the one leaving.
    const responsible =
      starter.id !== leaver.id
        ? starter.id
        : (tx
            .select({ id: members.id })
            .from(members)
            .where(and(eq(members.teamId, input.teamId), eq(members.role, "lead"), eq(members.status, "active"), ne(members.id, leaver.id)))
            .orderBy(asc(members.id))
            .get()?.id ?? null);
    const template = templateOf(tx, input.teamId);
    tx.insert(checklistSteps)
      .values(
        template.map((s, i) => ({
          handoverId: handover.id,
          position: i + 1,
          kind: s.kind,
          title: s.title,
          responsibleId: responsible,
          dueOn: dueDateFor(s.offsetDays, input.today, input.lastDay),
        })),
      )
      .run();
    recordAudit(tx, {
      teamId: input.teamId,
      handoverId: handover.id,
      actorId: starter.id,
      action: "handover_started",
      details: { leaverId: leaver.id, terms: input.terms, lastDay: input.lastDay },
      now: input.now,
    });
    // Nobody to redistribute or call: the bot can tell those two steps are done.
    const counts = handoverClientCounts(tx, handover);
    const noClients = counts.ownedByLeaver === 0 && counts.unassigned === 0;
    if (noClients) {
      markStepDoneAutomatically(tx, { handoverId: handover.id, kind: "redistribute", now: input.now });
      markStepDoneAutomatically(tx, { handoverId: handover.id, kind: "reactivation", now: input.now });
    }
    return { ok: true, handoverId: handover.id, noClients };
  });
}

/**
 * Cancels an active handover: the leaver gets their previous status back and is told; steps and notes
 * stay. Clients a distribution already gave to others stay with them (undo the distribution first to give
 * them back); their open reactivation calls are cancelled, since the leaver stays. Its clients waiting in the
 * pool go back to the leaver.
 */
export function cancelHandover(db: Db, input: { handoverId: number; actorId: number; now: Date }): "cancelled" | "not_active" {
  return db.transaction((tx) => {
    const handover = getHandover(tx, input.handoverId);
    if (!handover || handover.status !== "active") return "not_active";
    tx.update(handovers).set({ status: "cancelled", closedAt: input.now.getTime() }).where(eq(handovers.id, handover.id)).run();
    tx.update(members)
      .set({ status: handover.leaverPreviousStatus ?? "active" })
      .where(and(eq(members.id, handover.leaverId), eq(members.status, "departing")))
      .run();
    const calls = cancelHandoverCalls(tx, handover.id);
    const returned = returnPoolClientsToLeaver(tx, handover, input);
    const details = { callsCancelled: calls.cancelled.length, promisesGivenBack: calls.givenBack, clientsReturned: returned };
    recordAudit(tx, { teamId: handover.teamId, handoverId: handover.id, actorId: input.actorId, action: "handover_cancelled", details, now: input.now });
    enqueueHandoverCancelled(tx, handover, returned, input.now);
    // A promise given back stays on its owner's list: only the calls taken off it are told.
    enqueueCallsCalledOff(tx, handover, calls.cancelled, { actorId: input.actorId, now: input.now });
    return "cancelled";
  });
}

export interface HandoverListItem {
  id: number;
  leaverName: string;
  lastDay: string;
  done: number;
  total: number;
}

/** The team's handovers in progress, oldest first, with their progress. */
export function activeHandovers(db: DbOrTx, teamId: number): HandoverListItem[] {
  const rows = db
    .select({ id: handovers.id, leaverName: members.name, lastDay: handovers.lastDay })
    .from(handovers)
    .innerJoin(members, eq(members.id, handovers.leaverId))
    .where(and(eq(handovers.teamId, teamId), eq(handovers.status, "active")))
    .orderBy(asc(handovers.id))
    .all();
  if (rows.length === 0) return [];
  const progress = db
    .select({ h: checklistSteps.handoverId, total: sql<number>`count(*)`, done: sql<number>`sum(case when ${checklistSteps.status} <> 'open' then 1 else 0 end)` })
    .from(checklistSteps)
    .where(inArray(checklistSteps.handoverId, rows.map((r) => r.id)))
    .groupBy(checklistSteps.handoverId)
    .all();
  return rows.map((r) => {
    const p = progress.find((x) => x.h === r.id);
    return { ...r, done: p?.done ?? 0, total: p?.total ?? 0 };
  });
}

/** Remembers where the checklist message lives, so it can be edited in place. */
export function setChecklistMessage(db: DbOrTx, handoverId: number, chatId: number, messageId: number): void {
  db.update(handovers).set({ checklistChatId: chatId, checklistMessageId: messageId }).where(eq(handovers.id, handoverId)).run();
}
