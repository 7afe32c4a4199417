// Checklist steps due today or overdue → the person responsible (the lead who started the handover when
// nobody was named); overdue ones → every lead too. Grouped by handover, with a button to its checklist.
import { dueChecklistSteps, type DueStep } from "./queries.js";
import { wallClock } from "../platform/work-time.js";
import type { Member } from "../team/teams.js";
import { nagData } from "./keyboards.js";
import { button, enqueueNag, lines, voiceOf, type Voice } from "./notices.js";
import { canReceive, teamPeople } from "./recipients.js";
import type { JobDefinition } from "../jobs/types.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { clipLine } from "../platform/format/clip.js";

const MAX_BUTTONS = 5;

export const checklistNag: JobDefinition = {
  name: "checklist-nag",
  slots: (team) => [{ hour: team.digestHour, kind: "digest" }],
  run(deps, team, now, slot) {
    const { db } = deps;
    const today = wallClock(now, team.timezone).date;
    const steps = dueChecklistSteps(db, team.id, today);
    if (steps.length === 0) return 0;
    const people = teamPeople(db, team.id);

    // Who hears about which steps (and whether as the responsible person or as a lead overseeing).
    const byRecipient = new Map<number, { member: Member; steps: { step: DueStep; mine: boolean }[] }>();
    const add = (member: Member | undefined, step: DueStep, mine: boolean) => {
      if (!member) return;
      let entry = byRecipient.get(member.id);
      if (!entry) {
        entry = { member, steps: [] };
        byRecipient.set(member.id, entry);
      }
      if (!entry.steps.some((s) => s.step.stepId === step.stepId)) entry.steps.push({ step, mine });
    };
    for (const step of steps) {
      // A lead being offboarded runs no handover: steps he ran or answers for go to a lead who runs the team.
      const named = people.byId.get(step.responsibleId ?? step.startedById);
      const responsible = named && !(named.role === "lead" && !people.leads.includes(named)) ? named : people.leads[0];
      add(responsible, step, true);
      if (step.overdue) for (const lead of people.leads) add(lead, step, false);
    }

    let enqueued = 0;
    for (const { member, steps: mine } of byRecipient.values()) {
      if (!canReceive(member)) continue;
      const voice = voiceOf(deps, member, people);
      const handovers = new Map<number, { step: DueStep; mine: boolean }[]>();
      for (const s of mine) handovers.set(s.step.handoverId, [...(handovers.get(s.step.handoverId) ?? []), s]);
      const text = lines(
        voice.t("nag-checklist-title"),
        ...[...handovers.values()].flatMap((list) => ["", ...handoverLines(voice, list, people.byId, today)]),
      );
      const buttons = [...handovers.values()]
        .slice(0, MAX_BUTTONS)
        .map((list) => [button(voice.label("nag-button-checklist", { name: clipLine(list[0]!.step.leaverName, 30) }), nagData.checklist(list[0]!.step.handoverId))]);
      if (enqueueNag(db, { job: this.name, kind: "nag_checklist", team, member, slot, text, buttons }, now)) enqueued += 1;
    }
    return enqueued;
  },
};

function handoverLines({ t, locale }: Voice, list: { step: DueStep; mine: boolean }[], byId: Map<number, Member>, today: string): string[] {
  const first = list[0]!.step;
  return [
    t("nag-checklist-handover", { leaver: clipLine(first.leaverName, 40), lastDay: formatDayWithWeekday(first.lastDay, locale, today) }),
    ...list.map(({ step, mine }) => {
      const name = step.title ? clipLine(step.title, 80) : t("nag-step", { kind: step.kind });
      const vars = { step: name, overdue: step.overdue ? "yes" : "no", date: formatDayWithWeekday(step.dueOn, locale, today) };
      if (mine) return t("nag-checklist-step", vars);
      const responsible = byId.get(step.responsibleId ?? step.startedById);
      return t("nag-checklist-step-of", { ...vars, responsible: clipLine(responsible?.name ?? "—", 40) });
    }),
  ];
}
