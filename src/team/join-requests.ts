// The co-lead link never makes a lead by itself: it files a request, and a lead accepts or declines it.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { joinRequests, members } from "../db/schema.js";
import { joinTeam, type Member, type Team, type TelegramPerson } from "./teams.js";

export type JoinRequest = typeof joinRequests.$inferSelect;

export type RequestResult =
  | { ok: true; request: JoinRequest; fresh: boolean }
  | { ok: false; reason: "already_lead" | "other_team" };

/** Files (or finds) the person's pending request to become a lead of the team. */
export function requestLeadRole(db: Db, input: { team: Team; person: TelegramPerson; now: Date }): RequestResult {
  return db.transaction((tx) => {
    const existing = tx.select().from(members).where(eq(members.telegramId, input.person.telegramId)).get();
    if (existing && existing.status !== "left") {
      if (existing.teamId !== input.team.id) return { ok: false, reason: "other_team" };
      if (existing.role === "lead") return { ok: false, reason: "already_lead" };
    }
    const pending = tx
      .select()
      .from(joinRequests)
      .where(and(eq(joinRequests.teamId, input.team.id), eq(joinRequests.telegramId, input.person.telegramId), eq(joinRequests.status, "pending")))
      .get();
    if (pending) return { ok: true, request: pending, fresh: false };
    const request = tx
      .insert(joinRequests)
      .values({
        teamId: input.team.id,
        telegramId: input.person.telegramId,
        username: input.person.username ?? null,
        name: input.person.name,
        createdAt: input.now.getTime(),
      })
      .returning()
      .get();
    return { ok: true, request, fresh: true };
  });
}

export type DecideResult =
  | { ok: true; request: JoinRequest; member: Member | null }
  | { ok: false; reason: "gone" | "decided" | "other_team"; request?: JoinRequest };

/** A lead accepts (the person becomes a lead at once) or declines a pending request of their team. */
export function decideJoinRequest(db: Db, input: { team: Team; requestId: number; deciderId: number; accept: boolean; now: Date }): DecideResult {
  const request = db.select().from(joinRequests).where(and(eq(joinRequests.id, input.requestId), eq(joinRequests.teamId, input.team.id))).get();
  if (!request) return { ok: false, reason: "gone" };
  if (request.status !== "pending") return { ok: false, reason: "decided", request };
  let member: Member | null = null;
  if (input.accept) {
    const joined = joinTeam(db, {
      team: input.team,
      role: "lead",
      person: { telegramId: request.telegramId, name: request.name, username: request.username },
      now: input.now,
    });
    if (!joined.ok && joined.reason === "other_team") {
      markDecided(db, request.id, "declined", input.deciderId, input.now);
      return { ok: false, reason: "other_team", request };
    }
    member = joined.member;
  }
  const decided = markDecided(db, request.id, input.accept ? "accepted" : "declined", input.deciderId, input.now);
  return { ok: true, request: decided, member };
}

function markDecided(db: Db, id: number, status: "accepted" | "declined", deciderId: number, now: Date): JoinRequest {
  return db
    .update(joinRequests)
    .set({ status, decidedById: deciderId, decidedAt: now.getTime() })
    .where(eq(joinRequests.id, id))
    .returning()
    .get();
}

export function pendingJoinRequests(db: Db, teamId: number): JoinRequest[] {
  return db
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.teamId, teamId), eq(joinRequests.status, "pending")))
    .orderBy(desc(joinRequests.createdAt))
    .all();
}
