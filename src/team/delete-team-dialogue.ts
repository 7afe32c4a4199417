// A lead erases the whole team: the team's name typed back is the confirmation (a tap is too easy to make
// by mistake). Anything else typed, or the button, cancels and nothing is deleted.
import { InlineKeyboard } from "grammy";
import { deleteTeamButtons } from "./keyboards.js";
import { deleteTeam } from "./erase-queries.js";
import type { ConvContext } from "../bot/context.js";
import { askUntil, type Conv } from "../bot/dialogues/ask.js";
import { leadOnlyKey } from "../bot/guards.js";

export const deleteTeamId = "delete-team";

export async function deleteTeamConversation(conversation: Conv, ctx: ConvContext): Promise<void> {
  const team = ctx.actor.team;
  if (!team || ctx.actor.member?.role !== "lead") return;
  const cancel = new InlineKeyboard().text(ctx.t("team-delete-cancel"), deleteTeamButtons.codecs.cancel.encode());
  const answer = await askUntil(conversation, ctx, { text: ctx.t("team-delete-ask", { team: team.name }), keyboard: cancel, buttons: deleteTeamButtons }, async (a) => ({
    ok: true,
    value: a.kind === "text" ? a.text : null,
  }));
  const done = answer.ctx;
  if (answer.value === null || answer.value.trim().toLocaleLowerCase() !== team.name.trim().toLocaleLowerCase()) {
    await done.reply(done.t("team-delete-kept", { team: team.name }));
    return;
  }
  const erased = await conversation.external((c) => {
    // The lead may have lost the role, or the team may be gone, while typing.
    if (c.actor.member?.role !== "lead" || c.actor.team?.id !== team.id) return null;
    const result = deleteTeam(c.deps.db, team.id);
    c.log.info({ teamId: team.id, rows: result.rows }, "team deleted");
    return result.rows;
  });
  if (erased === null) {
    await done.reply(done.t(leadOnlyKey(done.actor, false)));
    return;
  }
  await done.reply(done.t("team-deleted", { team: team.name }));
}
