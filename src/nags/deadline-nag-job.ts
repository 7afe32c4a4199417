// Commitments (promises, documents owed, client deadlines) about to pass → whoever answers for them;
// overdue ones → also every lead, grouped by owner. Commitments nobody answers for go to the leads.
import { addDays } from "../platform/calendar.js";
import { dueCommitments, type DueCommitment } from "./queries.js";
import { wallClock } from "../platform/work-time.js";
import type { Member } from "../team/teams.js";
import { nagData } from "./keyboards.js";
import type { Translate } from "../platform/locale.js";
import { button, enqueueNag, lines, voiceOf, type Voice } from "./notices.js";
import { canReceive, teamPeople } from "./recipients.js";
import type { JobDefinition } from "../jobs/types.js";
import { formatDay } from "../platform/format/day.js";
import { clipLine } from "../platform/format/clip.js";

const PER_OWNER = 10;
const PER_OWNER_FOR_LEAD = 3;

interface TeamEntry {
  owner: Member | null;
  count: number;
  items: DueCommitment[];
}

export const deadlineNag: JobDefinition = {
  name: "deadline-nag",
  slots: (team) => [{ hour: team.digestHour, kind: "digest" }],
  run(deps, team, now, slot) {
    const { db } = deps;
    const today = wallClock(now, team.timezone).date;
    const until = wallClock(new Date(now.getTime() + team.deadlineWindowHours * 3_600_000), team.timezone).date;
    const groups = dueCommitments(db, team.id, today, until < today ? today : until, PER_OWNER);
    if (groups.length === 0) return 0;
    const people = teamPeople(db, team.id);

    const own = new Map<number, { overdueCount: number; soonCount: number; items: DueCommitment[] }>();
    const forLeads: TeamEntry[] = [];
    const nobody: TeamEntry = { owner: null, count: 0, items: [] };
    for (const g of groups) {
      const owner = g.ownerId === null ? undefined : people.byId.get(g.ownerId);
      if (owner) {
        own.set(owner.id, g);
        if (g.overdueCount > 0) forLeads.push({ owner, count: g.overdueCount, items: g.items.filter((i) => i.overdue) });
      } else {
        // Nobody will act on these unless a lead does: the ones coming due too.
        nobody.count += g.overdueCount + g.soonCount;
        nobody.items.push(...g.items);
      }
    }
    if (nobody.count > 0) forLeads.push({ ...nobody, items: nobody.items.sort((a, b) => a.dueOn.localeCompare(b.dueOn)) });

    const recipients = new Map<number, Member>();
    for (const id of own.keys()) recipients.set(id, people.byId.get(id)!);
    for (const lead of people.leads) recipients.set(lead.id, lead);

    // Leads reading the same language see the same team part: built once per language and owner.
    const teamPart = new Map<string, string[]>();
    const teamLinesOnce = (voice: Voice, e: TeamEntry) => {
      const key = `${voice.locale}:${e.owner?.id ?? 0}`;
      let built = teamPart.get(key);
      if (!built) {
        built = teamLines(voice, e, today);
        teamPart.set(key, built);
      }
      return built;
    };

    let enqueued = 0;
    for (const member of recipients.values()) {
      if (!canReceive(member)) continue;
      const voice = voiceOf(deps, member, people);
      const { t } = voice;
      const mine = own.get(member.id);
      // The team part goes to the leads who run the team (not one being offboarded, whose own part stays).
      const others = people.leads.includes(member) ? forLeads.filter((e) => e.owner?.id !== member.id) : [];
      if (!mine && others.length === 0) continue;
      const item = (c: DueCommitment) => itemLine(voice, c, today);
      const text = lines(
        t("nag-deadline-title"),
        "",
        ...(mine && mine.overdueCount > 0
          ? [t("nag-deadline-overdue", { count: mine.overdueCount }), ...mine.items.filter((i) => i.overdue).map(item), more(t, mine.overdueCount, mine.items.filter((i) => i.overdue).length), ""]
          : []),
        ...(mine && mine.soonCount > 0
          ? [t("nag-deadline-soon", { count: mine.soonCount }), ...mine.items.filter((i) => !i.overdue).map(item), more(t, mine.soonCount, mine.items.filter((i) => !i.overdue).length), ""]
          : []),
        ...(others.length > 0 ? [t("nag-deadline-team"), ...others.flatMap((e) => teamLinesOnce(voice, e))] : []),
      );
      const buttons = mine ? [[button(voice.label("nag-button-today"), nagData.today())]] : [];
      if (enqueueNag(db, { job: this.name, kind: "nag_deadline", team, member, slot, text, buttons }, now)) enqueued += 1;
    }
    return enqueued;
  },
};

function more(t: Translate, total: number, shown: number): string | false {
  return total > shown && t("nag-more", { count: total - shown });
}

const tomorrowOf = new Map<string, string>();

function itemLine({ t, locale }: Voice, c: DueCommitment, today: string): string {
  let tomorrow = tomorrowOf.get(today);
  if (!tomorrow) {
    tomorrow = addDays(today, 1);
    if (tomorrowOf.size > 100) tomorrowOf.clear();
    tomorrowOf.set(today, tomorrow);
  }
  const state = c.dueOn < today ? "overdue" : c.dueOn === today ? "today" : c.dueOn === tomorrow ? "tomorrow" : "later";
  return t("nag-deadline-item", { client: clipLine(c.clientName, 40), text: clipLine(c.text, 80), kind: c.kind, state, date: formatDay(c.dueOn, locale, today) });
}

function teamLines(voice: Voice, e: TeamEntry, today: string): string[] {
  const { t } = voice;
  const shown = e.items.slice(0, PER_OWNER_FOR_LEAD);
  return [
    e.owner ? t("nag-deadline-owner", { owner: clipLine(e.owner.name, 40), count: e.count }) : t("nag-deadline-nobody", { count: e.count }),
    ...shown.map((c) => itemLine(voice, c, today)),
    ...(e.count > shown.length ? [t("nag-more", { count: e.count - shown.length })] : []),
  ];
}
