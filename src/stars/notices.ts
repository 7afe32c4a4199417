// What de-starring puts in the outbox: the lead's weekly plan summary (or why nothing was planned), the
// lead's note when a leaver's touches moved, the owner's daily line and the owner's "lost" alert.
import type { Db, DbOrTx } from "../db/client.js";
import type { SecondVoiceLost } from "../calls/calls.js";
import { callData } from "../calls/keyboards.js";
import { enqueueNag, voiceOf } from "../nags/notices.js";
import { canReceive, teamPeople, type TeamPeople } from "../nags/recipients.js";
import type { JobSlot } from "../jobs/types.js";
import { formatDay } from "../platform/format/day.js";
import { localDate } from "../platform/calendar.js";
import type { JobDeps, Team } from "../jobs/types.js";
import { enqueue } from "../outbox/outbox.js";
import type { OwnerDigest } from "./owner-digest.js";
import type { PlanResult, Released } from "./plan-touches.js";

const JOB = "destarring-plan";

/** Tells every lead of the team the week's plan, or why nothing could be planned. */
export function noticePlan(deps: JobDeps, team: Team, slot: JobSlot, people: TeamPeople, result: PlanResult, now: Date): number {
  if (result.status !== "planned" && result.status !== "no_callers") return 0;
  let sent = 0;
  const today = localDate(now, team.timezone);
  for (const lead of people.leads) {
    if (!canReceive(lead)) continue;
    const v = voiceOf(deps, lead, people);
    const week = formatDay(result.week, v.locale, today);
    const text =
      result.status === "planned"
        ? v.t("stars-lead-planned", { week, planned: result.planned, candidates: result.candidates })
        : v.t("stars-lead-no-callers", { week, reason: result.reason });
    if (enqueueNag(deps.db, { job: `${JOB}:plan`, kind: "stars_plan", team, member: lead, slot: { ...slot, key: result.week }, text }, now)) sent += 1;
  }
  return sent;
}

export function noticeReleased(deps: JobDeps, team: Team, slot: JobSlot, people: TeamPeople, released: Released, now: Date): number {
  if (released.moved + released.dropped === 0) return 0;
  const names = released.members.map((id) => people.byId.get(id)?.name ?? "—").join(", ");
  let sent = 0;
  for (const lead of people.leads) {
    if (!canReceive(lead)) continue;
    const v = voiceOf(deps, lead, people);
    const text = v.t("stars-lead-released", { names, moved: released.moved, dropped: released.dropped });
    if (enqueueNag(deps.db, { job: `${JOB}:released`, kind: "stars_released", team, member: lead, slot, text }, now)) sent += 1;
  }
  return sent;
}

/** "Анна поговорила с 3 вашими клиентами": one line per caller, one message per owner and day. */
export function noticeOwners(deps: JobDeps, team: Team, slot: JobSlot, people: TeamPeople, digests: OwnerDigest[], now: Date): number {
  let sent = 0;
  for (const d of digests) {
    const owner = people.byId.get(d.ownerId);
    if (!canReceive(owner)) continue;
    const v = voiceOf(deps, owner, people);
    const text = d.callers
      .map((c) => {
        const outcomes = (["reached", "lost"] as const)
          .filter((o) => c[o] > 0)
          .map((o) => v.t("stars-owner-outcome", { outcome: o, count: c[o] }))
          .join(", ");
        return v.t("stars-owner-daily", { caller: people.byId.get(c.callerId)?.name ?? "—", count: c.reached + c.lost, outcomes });
      })
      .join("\n");
    if (enqueueNag(deps.db, { job: `${JOB}:owner`, kind: "stars_owner", team, member: owner, slot, text }, now)) sent += 1;
  }
  return sent;
}

/** The owner hears at once that a second-voice caller lost their client (inside the outcome's transaction). */
export function noticeOwnerOfLoss(deps: Pick<JobDeps, "db" | "i18n">, tx: DbOrTx, lost: SecondVoiceLost, now: Date): void {
  if (lost.ownerId === null || lost.ownerId === lost.actorId) return;
  const people = teamPeople(deps.db as Db, lost.teamId);
  const owner = people.byId.get(lost.ownerId);
  if (!canReceive(owner)) return;
  const v = voiceOf(deps, owner, people);
  enqueue(
    tx,
    {
      chatId: owner.telegramId,
      teamId: lost.teamId,
      memberId: owner.id,
      kind: "stars_lost",
      dedupeKey: `stars-lost:${lost.callId}`,
      text: v.t("stars-owner-lost", { caller: lost.actorName, client: lost.clientName, reason: lost.reason }),
      replyMarkup: { inline_keyboard: [[{ text: v.label("stars-owner-lost-button"), callback_data: callData.log(lost.clientId) }]] },
    },
    now,
  );
}
