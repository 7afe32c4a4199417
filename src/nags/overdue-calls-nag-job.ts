// Calls not made. The morning digest already lists a manager's overdue calls, so the manager's own
// reminder comes in the afternoon if they are still not made; in the morning the leads hear about calls
// overdue by two working days or more, with counts per manager. An operator's run does both.
import { addDays } from "../platform/calendar.js";
import { overdueCalls, overdueCutoff } from "./queries.js";
import { teamCalendar, wallClock } from "../platform/work-time.js";
import { nagData } from "./keyboards.js";
import type { Member } from "../team/teams.js";
import { button, enqueueNag, lines, voiceOf, type Voice } from "./notices.js";
import { canReceive, teamPeople } from "./recipients.js";
import type { JobDefinition } from "../jobs/types.js";
import { formatDay } from "../platform/format/day.js";
import { clipLine } from "../platform/format/clip.js";

/** Working days overdue before the leads are told. */
export const ESCALATE_AFTER_WORKING_DAYS = 2;
const NAMES_FOR_ASSIGNEE = 5;
const NAMES_FOR_LEAD = 3;

export const overdueCallsNag: JobDefinition = {
  name: "overdue-calls-nag",
  slots: (team) => [
    { hour: team.digestHour, kind: "digest" },
    { hour: team.afternoonNagHour, kind: "afternoon" },
  ],
  run(deps, team, now, slot) {
    const { db } = deps;
    const today = wallClock(now, team.timezone).date;
    const people = teamPeople(db, team.id);
    // One message per recipient: a lead with calls of their own gets both parts in one.
    const parts = new Map<number, { member: Member & { telegramId: number }; voice: Voice; own?: string; team?: string }>();
    const partOf = (member: Member & { telegramId: number }) => {
      let p = parts.get(member.id);
      if (!p) {
        p = { member, voice: voiceOf(deps, member, people) };
        parts.set(member.id, p);
      }
      return p;
    };

    if (slot.kind !== "digest") {
      for (const group of overdueCalls(db, team.id, addDays(today, -1), NAMES_FOR_ASSIGNEE)) {
        const member = people.byId.get(group.assigneeId);
        if (!canReceive(member)) continue;
        const p = partOf(member);
        const { t, locale } = p.voice;
        p.own = lines(
          t("nag-calls-title", { count: group.count }),
          "",
          ...group.clients.map((c) => t("nag-calls-item", { client: clipLine(c.name, 50), date: formatDay(c.dueOn, locale, today) })),
          group.count > group.clients.length && t("nag-more", { count: group.count - group.clients.length }),
          "",
          t("nag-calls-action"),
        );
      }
    }

    if (slot.kind !== "afternoon") {
      const cutoff = overdueCutoff(today, ESCALATE_AFTER_WORKING_DAYS, teamCalendar(team));
      const late = overdueCalls(db, team.id, cutoff, NAMES_FOR_LEAD);
      const total = late.reduce((sum, g) => sum + g.count, 0);
      // Most overdue managers first.
      late.sort((a, b) => b.count - a.count || a.oldestDueOn.localeCompare(b.oldestDueOn));
      const byLocale = new Map<string, string>();
      for (const lead of late.length > 0 ? people.leads : []) {
        if (!canReceive(lead)) continue;
        const p = partOf(lead);
        const { t, locale } = p.voice;
        const cached = byLocale.get(locale);
        if (cached) {
          p.team = cached;
          continue;
        }
        const managerLines = late.map((g) => {
          const assignee = people.byId.get(g.assigneeId);
          const clients = g.clients.map((c) => clipLine(c.name, 30)).join(", ") + (g.count > g.clients.length ? ", …" : "");
          return t("nag-calls-lead-line", {
            manager: clipLine(assignee?.name ?? `#${g.assigneeId}`, 40),
            count: g.count,
            date: formatDay(g.oldestDueOn, locale, today),
            clients,
          });
        });
        p.team = lines(t("nag-calls-lead-title", { count: total }), "", ...managerLines, "", t("nag-calls-lead-action"));
        byLocale.set(locale, p.team);
      }
    }

    let enqueued = 0;
    for (const p of parts.values()) {
      const text = lines(p.own, p.own && p.team && "", p.team);
      const buttons = p.own ? [[button(p.voice.label("nag-button-today"), nagData.today())]] : [];
      if (enqueueNag(db, { job: this.name, kind: "nag_calls", team, member: p.member, slot, text, buttons }, now)) enqueued += 1;
    }
    return enqueued;
  },
};
