// Each manager's call list for the day, sent at the team's digest hour. The digest is the same text as
// /today, page one, with its buttons.
import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { members } from "../db/schema.js";
import { isWorkingDay, localDate } from "../platform/calendar.js";
import { teamCalendar } from "../platform/work-time.js";
import { dailyListsOfTeam } from "./daily-list.js";
import { mayNotify } from "../handover/leaver-access.js";
import { translator } from "../platform/locale.js";
import { localeOfUser } from "../team/member-locale.js";
import { renderDailyList } from "./today-view.js";
import { enqueue } from "../outbox/outbox.js";
import type { JobDefinition, JobDeps, Team } from "../jobs/types.js";

/** Each manager's list for the day, at the team's digest hour. */
export const dailyDigest: JobDefinition = {
  name: "daily-digest",
  slots: (team) => [{ hour: team.digestHour, kind: "digest" }],
  run: (deps, team, now) => planDailyDigests(deps, team, now),
};

/** Enqueues today's digest for every member of the team who has something to do; returns how many. */
export function planDailyDigests(deps: JobDeps, team: Team, now: Date): number {
  const today = localDate(now, team.timezone);
  if (!isWorkingDay(today, teamCalendar(team))) return 0;
  const lists = dailyListsOfTeam(deps.db, { teamId: team.id, today });
  const busy = [...lists.values()].filter((l) => l.counts.total > 0);
  if (busy.length === 0) return 0;
  const recipients = deps.db
    .select({ id: members.id, telegramId: members.telegramId })
    .from(members)
    .where(and(eq(members.teamId, team.id), ne(members.status, "left"), isNotNull(members.telegramId), inArray(members.id, busy.map((l) => l.memberId))))
    .all();
  let planned = 0;
  deps.db.transaction((tx) => {
    for (const member of recipients) {
      // No digest to a leaver whose access to client data is closed (bad terms, or after the last day).
      if (!mayNotify(deps.db, member.id, "digest", now)) continue;
      const list = lists.get(member.id)!;
      const locale = localeOfUser(deps.db, member.telegramId);
      const view = renderDailyList(translator(deps.i18n, locale), locale, list, { page: 0, title: "digest" });
      const added = enqueue(
        tx,
        {
          chatId: member.telegramId!,
          teamId: team.id,
          memberId: member.id,
          kind: "digest",
          dedupeKey: `digest:${member.id}:${today}`,
          text: view.text,
          ...(view.keyboard ? { replyMarkup: view.keyboard } : {}),
        },
        now,
      );
      if (added) planned += 1;
    }
  });
  deps.logger.info({ teamId: team.id, date: today, planned, busy: busy.length }, "daily digests planned");
  return planned;
}
