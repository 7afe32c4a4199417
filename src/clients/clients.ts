// The client base: who may see what, lists, the card, adding one client, changing an owner.
// A manager sees their own clients; a lead sees the team's.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { clientEvents, clients, members, type MemberRole, type Temperature } from "../db/schema.js";
import { openCommitmentsOfClients, type Commitment } from "./commitments.js";
import { followClientMovedByHand } from "./client-origin.js";
import { mayReceiveClients } from "../handover/leaver-access.js";

export type Client = typeof clients.$inferSelect;
export type ClientEvent = typeof clientEvents.$inferSelect;

export interface Viewer {
  memberId: number;
  teamId: number;
  role: MemberRole;
}

export interface ClientFilter {
  /** A member id, or "none" for the unassigned pool. Ignored for managers (always themselves). */
  owner?: number | "none";
  temperature?: Temperature;
}

export function canSee(viewer: Viewer, client: Pick<Client, "teamId" | "ownerId">): boolean {
  if (client.teamId !== viewer.teamId) return false;
  return viewer.role === "lead" || client.ownerId === viewer.memberId;
}

export interface ClientListItem {
  id: number;
  name: string;
  company: string | null;
  temperature: Temperature;
  nextContactOn: string | null;
  ownerName: string | null;
  primaryPhone: string | null;
}

export interface ClientPage {
  items: ClientListItem[];
  total: number;
  page: number;
  pages: number;
}

export const PAGE_SIZE = 10;

function listConditions(viewer: Viewer, filter: ClientFilter): SQL[] {
  const where: SQL[] = [eq(clients.teamId, viewer.teamId), eq(clients.status, "active")];
  if (viewer.role !== "lead") where.push(eq(clients.ownerId, viewer.memberId));
  else if (filter.owner === "none") where.push(isNull(clients.ownerId));
  else if (filter.owner !== undefined) where.push(eq(clients.ownerId, filter.owner));
  if (filter.temperature) where.push(eq(clients.temperature, filter.temperature));
  return where;
}

/** One page of clients, alphabetically; a page past the end shows the last one. */
export function listClients(db: Db, viewer: Viewer, filter: ClientFilter, page: number, pageSize = PAGE_SIZE): ClientPage {
  const where = and(...listConditions(viewer, filter));
  const total = db.select({ n: count() }).from(clients).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const items = db
    .select({
      id: clients.id,
      name: clients.name,
      company: clients.company,
      temperature: clients.temperature,
      nextContactOn: clients.nextContactOn,
      ownerName: members.name,
      primaryPhone: clients.primaryPhone,
    })
    .from(clients)
    .leftJoin(members, eq(members.id, clients.ownerId))
    .where(where)
    .orderBy(sql`${clients.name} COLLATE NOCASE`, asc(clients.id))
    .limit(pageSize)
    .offset(current * pageSize)
    .all();
  return { items, total, page: current, pages };
}

export interface ClientCard {
  client: Client;
  ownerName: string | null;
  previousOwnerName: string | null;
  commitments: Commitment[];
  /** Newest first; `fromName`/`toName`: the owners an owner change was between (null: the pool). */
  events: (ClientEvent & { actorName: string | null; fromName: string | null; toName: string | null })[];
}

/** The card of a client the viewer may see, or null (unknown, another team's, another manager's). */
export function clientCard(db: Db, viewer: Viewer, clientId: number, eventLimit = 5): ClientCard | null {
  const client = db.select().from(clients).where(eq(clients.id, clientId)).get();
  if (!client || !canSee(viewer, client)) return null;
  const names = memberNames(db, [client.ownerId, client.previousOwnerId]);
  const events = db
    .select({ event: clientEvents, actorName: members.name })
    .from(clientEvents)
    .leftJoin(members, eq(members.id, clientEvents.actorId))
    .where(eq(clientEvents.clientId, clientId))
    .orderBy(desc(clientEvents.at), desc(clientEvents.id))
    .limit(eventLimit)
    .all()
    .map((r) => ({ ...r.event, actorName: r.actorName }));
  const idIn = (d: Record<string, unknown> | null, keys: string[]) => keys.map((k) => d?.[k]).find((v): v is number => typeof v === "number") ?? null;
  const moved = memberNames(db, events.flatMap((e) => [idIn(e.details, ["from", "fromOwnerId"]), idIn(e.details, ["to", "toOwnerId"])]));
  const nameOf = (id: number | null) => (id === null ? null : (moved.get(id) ?? null));
  return {
    client,
    ownerName: client.ownerId === null ? null : (names.get(client.ownerId) ?? null),
    previousOwnerName: client.previousOwnerId === null ? null : (names.get(client.previousOwnerId) ?? null),
    commitments: openCommitmentsOfClients(db, [clientId]),
    events: events.map((e) => ({ ...e, fromName: nameOf(idIn(e.details, ["from", "fromOwnerId"])), toName: nameOf(idIn(e.details, ["to", "toOwnerId"])) })),
  };
}

function memberNames(db: DbOrTx, ids: (number | null)[]): Map<number, string> {
  const wanted = ids.filter((id): id is number => id !== null);
  if (wanted.length === 0) return new Map();
  return new Map(db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, wanted)).all().map((m) => [m.id, m.name]));
}

/** Active team members who can own clients (for pickers), plus name-only ones. */
export function possibleOwners(db: Db, teamId: number) {
  return db
    .select({ id: members.id, name: members.name, role: members.role, telegramId: members.telegramId })
    .from(members)
    .where(and(eq(members.teamId, teamId), eq(members.status, "active")))
    .orderBy(sql`${members.name} COLLATE NOCASE`)
    .all();
}

/** Owners that have at least one active client, for the lead's "by owner" filter. */
export function ownersWithClients(db: Db, teamId: number) {
  return db
    .select({ id: members.id, name: members.name, n: count() })
    .from(clients)
    .innerJoin(members, eq(members.id, clients.ownerId))
    .where(and(eq(clients.teamId, teamId), eq(clients.status, "active")))
    .groupBy(members.id)
    .orderBy(sql`${members.name} COLLATE NOCASE`)
    .all();
}

export interface NewClient {
  teamId: number;
  actorMemberId: number;
  name: string;
  phone: string | null;
  company: string | null;
  temperature: Temperature;
  ownerId: number | null;
  now: Date;
}

export type CreateClientResult = { ok: true; clientId: number } | { ok: false; reason: "duplicate_phone"; clientId: number; ownerId: number | null } | { ok: false; reason: "bad_owner" };

/** Adds one client by hand; a phone already in the team's base is not added twice. */
export function createClient(db: Db, input: NewClient): CreateClientResult {
  return db.transaction((tx) => {
    if (input.phone) {
      const existing = tx
        .select({ id: clients.id, ownerId: clients.ownerId })
        .from(clients)
        .where(and(eq(clients.teamId, input.teamId), sql`EXISTS (SELECT 1 FROM json_each(${clients.phones}) WHERE value = ${input.phone})`))
        .get();
      if (existing) return { ok: false, reason: "duplicate_phone", clientId: existing.id, ownerId: existing.ownerId } as const;
    }
    if (input.ownerId !== null) {
      const owner = tx.select().from(members).where(eq(members.id, input.ownerId)).get();
      if (!owner || owner.teamId !== input.teamId || owner.status !== "active") return { ok: false, reason: "bad_owner" } as const;
    }
    const now = input.now.getTime();
    const client = tx
      .insert(clients)
      .values({
        teamId: input.teamId,
        name: input.name,
        company: input.company,
        phones: input.phone ? [input.phone] : [],
        primaryPhone: input.phone,
        ownerId: input.ownerId,
        temperature: input.temperature,
        unassignedSince: input.ownerId === null ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: clients.id })
      .get();
    tx.insert(clientEvents).values({ teamId: input.teamId, clientId: client.id, actorId: input.actorMemberId, kind: "created", details: {}, at: now }).run();
    return { ok: true, clientId: client.id } as const;
  });
}

export type ChangeOwnerResult = "changed" | "same" | "not_found" | "bad_owner" | "departing";

/** A lead moves one client to another active member, or to the unassigned pool (toMemberId null). */
export function changeOwner(db: Db, input: { viewer: Viewer; clientId: number; toMemberId: number | null; now: Date }): ChangeOwnerResult {
  return db.transaction((tx): ChangeOwnerResult => {
    const client = tx.select().from(clients).where(eq(clients.id, input.clientId)).get();
    if (!client || input.viewer.role !== "lead" || !canSee(input.viewer, client)) return "not_found";
    if (input.toMemberId !== null) {
      const to = tx.select().from(members).where(eq(members.id, input.toMemberId)).get();
      if (!to || to.teamId !== client.teamId || to.status === "left") return "bad_owner";
      if (!mayReceiveClients(to)) return "departing";
    }
    if (client.ownerId === input.toMemberId) return "same";
    const now = input.now.getTime();
    tx.update(clients)
      .set({
        ownerId: input.toMemberId,
        previousOwnerId: client.ownerId ?? client.previousOwnerId,
        unassignedSince: input.toMemberId === null ? now : null,
        updatedAt: now,
      })
      .where(eq(clients.id, client.id))
      .run();
    // Open commitments follow the client to its new owner.
    tx.run(sql`UPDATE commitments SET owner_id = ${input.toMemberId} WHERE client_id = ${client.id} AND status = 'open'`);
    tx.insert(clientEvents)
      .values({
        teamId: client.teamId,
        clientId: client.id,
        actorId: input.viewer.memberId,
        kind: "owner_changed",
        details: { fromOwnerId: client.ownerId, toOwnerId: input.toMemberId },
        at: now,
      })
      .run();
    if (input.toMemberId !== null) followClientMovedByHand(tx, { teamId: client.teamId, clientId: client.id, toMemberId: input.toMemberId, now: input.now });
    return "changed";
  });
}

export function recordClientEvent(tx: DbOrTx, input: { teamId: number; clientId: number; actorId: number | null; kind: string; details?: Record<string, unknown>; now: Date }): void {
  tx.insert(clientEvents)
    .values({ teamId: input.teamId, clientId: input.clientId, actorId: input.actorId, kind: input.kind, details: input.details ?? {}, at: input.now.getTime() })
    .run();
}

/** A member of the team by id (any status), or null. */
export function teamMember(db: Db, teamId: number, memberId: number) {
  return db.select().from(members).where(and(eq(members.id, memberId), eq(members.teamId, teamId))).get() ?? null;
}

export function clientById(db: Db, clientId: number): Client | null {
  return db.select().from(clients).where(eq(clients.id, clientId)).get() ?? null;
}
