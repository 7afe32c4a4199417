// What /team shows: members and roles to everyone; to a lead in a private chat also the invite links,
// pending co-lead requests and a button per member (to remove them). Pure: data in, text and keyboard out.
import { InlineKeyboard } from "grammy";
import type { JoinRequest } from "./join-requests.js";
import type { Member, Team } from "./teams.js";
import { escapeHtml } from "../platform/html.js";
import type { Translate } from "../platform/locale.js";
import { inviteLinks } from "./invite-links.js";
import { tm } from "./keyboards.js";
import { clip } from "../platform/format/clip.js";

export interface TeamViewInput {
  team: Team;
  me: Member;
  people: Member[];
  pending: JoinRequest[];
  /** A private chat with a lead: links and management buttons may be shown. */
  manage: boolean;
  botUsername: string;
  now: Date;
}

/** Members who joined this recently are marked for the lead, who can remove them from the buttons. */
export const RECENT_JOIN_MS = 7 * 24 * 60 * 60 * 1000;

export function renderTeam(t: Translate, v: TeamViewInput): { text: string; keyboard?: InlineKeyboard } {
  const recent = (m: Member) => v.manage && v.me.role === "lead" && m.id !== v.me.id && v.now.getTime() - m.createdAt < RECENT_JOIN_MS;
  const lines = v.people.map((m) => memberLine(t, m) + (recent(m) ? ` ${t("team-recent-mark")}` : ""));
  const unreachable = v.people.filter((m) => m.reachability !== "ok");
  let text = t("team-header", { team: v.team.name, count: v.people.length, timezone: v.team.timezone }) + "\n\n" + lines.join("\n");
  if (unreachable.length > 0) text += "\n\n" + t("team-unreachable-hint", { count: unreachable.length });
  if (!v.manage || v.me.role !== "lead") return { text };
  text += "\n\n" + invitesText(t, v.team, v.botUsername);
  text += "\n\n" + t("team-id-hint", { id: v.team.id });
  const kb = new InlineKeyboard();
  if (v.pending.length > 0) {
    text += "\n\n" + t("team-pending-title") + "\n" + v.pending.map((r) => t("team-pending-line", { name: r.name })).join("\n");
    for (const r of v.pending.slice(0, 20)) {
      kb.text(clip(`${t("lead-request-accept")} ${r.name}`, 60), tm.accept(r.id, true)).text(t("lead-request-decline"), tm.decline(r.id, true)).row();
    }
  }
  const others = v.people.filter((m) => m.id !== v.me.id).slice(0, 60);
  if (others.some(recent)) text += "\n\n" + t("team-recent-hint");
  if (others.length > 0) text += "\n\n" + t("team-manage-hint");
  others.forEach((m, i) => {
    kb.text(clip(`${recent(m) ? "🆕 " : ""}${m.name}`, 60), tm.member(m.id));
    if (i % 2 === 1) kb.row();
  });
  kb.row().text(t("team-delete-button"), tm.deleteTeam());
  return { text, keyboard: kb };
}

export function invitesText(t: Translate, team: Team, botUsername: string): string {
  const links = inviteLinks(botUsername, team);
  return t("team-invites", { managerLink: links.manager, leadLink: links.lead });
}

function memberLine(t: Translate, m: Member): string {
  const who = m.username ? `${escapeHtml(m.name)} (@${escapeHtml(m.username)})` : escapeHtml(m.name);
  return t("team-member-line", {
    whoHtml: who,
    role: m.role,
    status: m.status,
    reach: m.telegramId === null ? "name_only" : m.reachability,
  });
}
