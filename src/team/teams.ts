import { randomBytes } from "node:crypto";
import { and, asc, eq, ne, or } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { hotQueries } from "../db/hot-queries.js";
import { members, teams, users, type MemberRole, type Reachability } from "../db/schema.js";
import { adoptNameOnlyMember } from "./name-only-members.js";

export type Team = typeof teams.$inferSelect;
export type Member = typeof members.$inferSelect;

/** Unguessable, URL-safe, fits a /start payload (64 chars max). */
export function newInviteToken(): string {
  return randomBytes(16).toString("base64url");
}

export interface TelegramPerson {
  telegramId: number;
  name: string;
  username?: string | null | undefined;
}

export function createTeam(db: Db, input: { name: string; timezone: string; founder: TelegramPerson; now: Date }) {
  return db.transaction((tx) => {
    const team = tx
      .insert(teams)
      .values({
        name: input.name,
        timezone: input.timezone,
        managerInviteToken: newInviteToken(),
        leadInviteToken: newInviteToken(),
        createdAt: input.now.getTime(),
      })
      .returning()
      .get();
    const member = tx
      .insert(members)
      .values({
        teamId: team.id,
        telegramId: input.founder.telegramId,
        username: input.founder.username ?? null,
        name: input.founder.name,
        role: "lead",
        reachability: "ok",
        createdAt: input.now.getTime(),
      })
      .returning()
      .get();
    return { team, member };
  });
}

export function findInvite(db: Db, token: string): { team: Team; role: MemberRole } | null {
  const team = db
    .select()
    .from(teams)
    .where(or(eq(teams.managerInviteToken, token), eq(teams.leadInviteToken, token)))
    .get();
  if (!team) return null;
  return { team, role: team.leadInviteToken === token ? "lead" : "manager" };
}

export type JoinResult =
  | { ok: true; member: Member; promoted: boolean }
  | { ok: false; reason: "already_member" | "other_team"; member: Member };

/** Joins by invite. A lead link given to an existing manager of the same team promotes them. */
export function joinTeam(db: Db, input: { team: Team; role: MemberRole; person: TelegramPerson; now: Date }): JoinResult {
  return db.transaction((tx) => {
    const existing = tx.select().from(members).where(eq(members.telegramId, input.person.telegramId)).get();
    if (existing && existing.status !== "left") {
      if (existing.teamId !== input.team.id) return { ok: false, reason: "other_team", member: existing };
      if (input.role === "lead" && existing.role === "manager") {
        const member = tx.update(members).set({ role: "lead" }).where(eq(members.id, existing.id)).returning().get();
        return { ok: true, member, promoted: true };
      }
      return { ok: false, reason: "already_member", member: existing };
    }
    // Someone who left earlier keeps their history under the old row; the Telegram id moves to the new one.
    if (existing) tx.update(members).set({ telegramId: null }).where(eq(members.id, existing.id)).run();
    const member = tx
      .insert(members)
      .values({
        teamId: input.team.id,
        telegramId: input.person.telegramId,
        username: input.person.username ?? null,
        name: input.person.name,
        role: input.role,
        reachability: "ok",
        createdAt: input.now.getTime(),
      })
      .returning()
      .get();
    return { ok: true, member: adoptNameOnlyMember(tx, member), promoted: false };
  });
}

/** New links for both roles; the old ones stop working at once. */
export function regenerateInvites(db: Db, teamId: number): Team {
  return db
    .update(teams)
    .set({ managerInviteToken: newInviteToken(), leadInviteToken: newInviteToken() })
    .where(eq(teams.id, teamId))
    .returning()
    .get();
}

export function listMembers(db: Db, teamId: number): Member[] {
  return db
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), ne(members.status, "left")))
    .orderBy(asc(members.role), asc(members.name))
    .all();
}

/** The leads who run the team: not one being offboarded (status departing), who administers nothing. */
export function leadsOf(db: Db, teamId: number): Member[] {
  return listMembers(db, teamId).filter((m) => m.role === "lead" && m.status === "active");
}

export type LinkResult = "linked" | "already_linked" | "taken";

export function linkGroup(db: Db, teamId: number, chatId: number): LinkResult {
  return db.transaction((tx) => {
    const owner = tx.select().from(teams).where(eq(teams.groupChatId, chatId)).get();
    if (owner) return owner.id === teamId ? "already_linked" : "taken";
    tx.update(teams).set({ groupChatId: chatId }).where(eq(teams.id, teamId)).run();
    return "linked";
  });
}

export function teamOfGroup(db: Db, chatId: number): Team | null {
  return hotQueries(db).teamByGroup.get({ id: chatId }) ?? null;
}

export function setReachability(db: Db, memberId: number, reachability: Reachability): void {
  db.update(members).set({ reachability }).where(eq(members.id, memberId)).run();
}

export function getTeam(db: Db, teamId: number): Team | null {
  return db.select().from(teams).where(eq(teams.id, teamId)).get() ?? null;
}

/** Records who wrote to us (and their Telegram language); returns the stored row. */
export function touchUser(
  db: Db,
  from: { id: number; first_name: string; username?: string | undefined; language_code?: string | undefined },
  now: Date,
) {
  const cache = userCache(db);
  const current = cache.get(from.id) ?? hotQueries(db).userById.get({ id: from.id });
  const fresh = {
    firstName: from.first_name,
    username: from.username ?? null,
    languageCode: from.language_code ?? null,
  };
  if (
    current &&
    current.firstName === fresh.firstName &&
    current.username === fresh.username &&
    current.languageCode === fresh.languageCode
  ) {
    remember(cache, current);
    return current;
  }
  const stored = db
    .insert(users)
    .values({ telegramId: from.id, ...fresh, updatedAt: now.getTime() })
    .onConflictDoUpdate({ target: users.telegramId, set: { ...fresh, updatedAt: now.getTime() } })
    .returning()
    .get();
  remember(cache, stored);
  return stored;
}

type UserRow = typeof users.$inferSelect;
/** Users are read on every update and written only here: a small per-database cache saves the read. */
const userCaches = new WeakMap<Db, Map<number, UserRow>>();
const USER_CACHE_SIZE = 10_000;

function userCache(db: Db): Map<number, UserRow> {
  let cache = userCaches.get(db);
  if (!cache) userCaches.set(db, (cache = new Map()));
  return cache;
}

function remember(cache: Map<number, UserRow>, row: UserRow): void {
  cache.delete(row.telegramId);
  cache.set(row.telegramId, row);
  if (cache.size > USER_CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

export function setUserLocale(db: Db, telegramId: number, locale: string, now: Date): void {
  userCache(db).delete(telegramId);
  db.insert(users)
    .values({ telegramId, locale, updatedAt: now.getTime() })
    .onConflictDoUpdate({ target: users.telegramId, set: { locale, updatedAt: now.getTime() } })
    .run();
}

/** The active membership of a Telegram user, with its team. */
export function membershipOf(db: Db, telegramId: number): { member: Member; team: Team } | null {
  return hotQueries(db).membershipByTelegramId.get({ id: telegramId }) ?? null;
}
