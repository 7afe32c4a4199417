// People the bot cannot write to (never opened it, blocked it, or known by name only) → the leads, once,
// with the invite link to forward. The morning job sweeps for them; the sender reports a 403 at once.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members, teams } from "../db/schema.js";
import { failWaiting } from "../outbox/outbox.js";
import { forgetReportsOfReachable, markReported, unreportedUnreachable, type UnreachableMember } from "./queries.js";
import type { Team } from "../team/teams.js";
import { inviteLinks } from "../team/invite-links.js";
import type { Logger } from "../platform/logger.js";
import type { Translations } from "../platform/locale.js";
import { enqueueNag, lines, voiceOf } from "./notices.js";
import { canReceive, teamPeople } from "./recipients.js";
import type { JobDefinition, JobSlot } from "../jobs/types.js";
import { clipLine } from "../platform/format/clip.js";

export interface ReportDeps {
  db: Db;
  i18n: Translations;
  botUsername: string;
  logger: Logger;
}

export const unreachableNag: JobDefinition = {
  name: "unreachable-nag",
  slots: (team) => [{ hour: team.digestHour, kind: "digest" }],
  run(deps, team, now, slot) {
    forgetReportsOfReachable(deps.db, team.id);
    const unreachable = unreportedUnreachable(deps.db, team.id);
    if (unreachable.length === 0) return 0;
    return tellLeads(deps, team, unreachable, slot, now);
  },
};

/**
 * Writes to every lead who can be reached about `people` (never about themselves) and marks those people
 * as reported, so each is reported once. Nobody is marked when no lead could be told.
 */
function tellLeads(deps: ReportDeps, team: Team, unreachable: UnreachableMember[], slot: JobSlot, now: Date): number {
  const links = inviteLinks(deps.botUsername, team);
  const people = teamPeople(deps.db, team.id);
  let enqueued = 0;
  const told = new Set<number>();
  for (const lead of people.leads) {
    if (!canReceive(lead)) continue;
    const list = unreachable.filter((p) => p.id !== lead.id);
    if (list.length === 0) continue;
    const { t } = voiceOf(deps, lead, people);
    const text = lines(
      t("nag-unreachable-title"),
      "",
      ...list.map((p) => t("nag-unreachable-line", { name: clipLine(p.name, 50), reason: p.reason })),
      "",
      list.some((p) => p.role === "manager") && t("nag-unreachable-link", { link: links.manager }),
      list.some((p) => p.role === "lead") && t("nag-unreachable-link-lead", { link: links.lead }),
      "",
      t("nag-unreachable-once"),
    );
    if (enqueueNag(deps.db, { job: "unreachable-nag", kind: "nag_unreachable", team, member: lead, slot, text }, now)) enqueued += 1;
    for (const p of list) told.add(p.id);
  }
  markReported(deps.db, [...told], now);
  return enqueued;
}

/**
 * The Bot API said this private chat cannot be written to (403 or "chat not found"): every message still
 * waiting for that chat fails with the reason, the member is marked unreachable, and the leads are told
 * once. One transaction, so a crash cannot tell them twice.
 */
export function reportUnreachableNow(
  deps: ReportDeps,
  input: { chatId: number; memberId: number | null; reachability: "blocked" | "never_started"; reason: string; now: Date },
): { failed: number; reported: boolean } {
  const { db } = deps;
  return db.transaction(() => {
    const failed = failWaiting(db, input.chatId, input.reason);
    const member =
      (input.memberId !== null ? db.select().from(members).where(eq(members.id, input.memberId)).get() : undefined) ??
      db.select().from(members).where(and(eq(members.telegramId, input.chatId), ne(members.status, "left"))).get();
    if (!member || member.telegramId !== input.chatId) return { failed, reported: false };
    db.update(members).set({ reachability: input.reachability }).where(eq(members.id, member.id)).run();
    if (member.unreachableReportedAt !== null || member.status !== "active") return { failed, reported: false };
    const team = db.select().from(teams).where(eq(teams.id, member.teamId)).get();
    if (!team) return { failed, reported: false };
    const slot: JobSlot = { key: `m${member.id}-${input.now.getTime()}`, kind: "manual" };
    const person: UnreachableMember = { id: member.id, name: member.name, role: member.role, reason: input.reachability };
    const enqueued = tellLeads(deps, team, [person], slot, input.now);
    deps.logger.info({ memberId: member.id, teamId: team.id, reachability: input.reachability, leadsTold: enqueued }, "member unreachable");
    return { failed, reported: enqueued > 0 };
  });
}
