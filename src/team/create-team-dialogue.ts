import { InlineKeyboard } from "grammy";
import { createTeamButtons } from "./keyboards.js";
import { IANAZone } from "luxon";
import { createTeam, membershipOf } from "./teams.js";
import type { ConvContext } from "../bot/context.js";
import { displayName } from "../platform/format/name.js";
import { inviteLinks } from "./invite-links.js";
import { askUntil, type Conv } from "../bot/dialogues/ask.js";
import { hasVisibleText, quoteBack } from "../bot/dialogues/text-input.js";

export const createTeamId = "create-team";

/** Time zones our teams live in, west to east; anything else can be typed as an IANA name. */
const commonZones = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Vladivostok",
  "Asia/Almaty",
  "Europe/Minsk",
  "Europe/Kyiv",
];

export async function createTeamConversation(conversation: Conv, ctx: ConvContext): Promise<void> {
  const name = await askUntil(conversation, ctx, { text: ctx.t("team-create-ask-name"), buttons: createTeamButtons }, async (a) => {
    if (a.kind !== "text") return { ok: false, error: ctx.t("team-create-name-invalid") };
    const value = a.text.replace(/\s+/g, " ").trim();
    if (value.length < 2 || value.length > 64 || !hasVisibleText(value)) return { ok: false, error: ctx.t("team-create-name-invalid") };
    return { ok: true, value };
  });

  const defaultZone = ctx.config.defaultTimezone;
  const zones = [defaultZone, ...commonZones.filter((z) => z !== defaultZone)];
  const keyboard = new InlineKeyboard();
  zones.forEach((zone, i) => {
    keyboard.text(zone === defaultZone ? `✓ ${zone}` : zone, createTeamButtons.codecs.zone.encode({ zone }));
    if (i % 2 === 1) keyboard.row();
  });
  const zone = await askUntil(
    conversation,
    name.ctx,
    { text: ctx.t("team-create-ask-timezone", { default: defaultZone }), keyboard, buttons: createTeamButtons },
    async (a) => {
      const value = a.kind === "button" ? (a.tap?.zone ?? "") : a.text;
      if (!IANAZone.isValidZone(value)) return { ok: false, error: ctx.t("team-create-timezone-invalid", { value: quoteBack(value) }) };
      return { ok: true, value: IANAZone.create(value).name };
    },
  );

  const from = ctx.from!;
  const created = await conversation.external((c) => {
    // Checked again here: the person may have joined a team while the dialogue was open.
    if (membershipOf(c.deps.db, from.id)) return null;
    const { team } = createTeam(c.deps.db, {
      name: name.value,
      timezone: zone.value,
      founder: { telegramId: from.id, name: displayName(from), username: from.username },
      now: c.deps.clock.now(),
    });
    return { teamId: team.id, managerToken: team.managerInviteToken, leadToken: team.leadInviteToken };
  });
  const done = zone.ctx;
  if (!created) {
    await done.reply(done.t("team-create-already-member"));
    return;
  }
  const links = inviteLinks(done.me.username, { managerInviteToken: created.managerToken, leadInviteToken: created.leadToken });
  await done.reply(
    done.t("team-created", { team: name.value, timezone: zone.value, managerLink: links.manager, leadLink: links.lead }),
    { link_preview_options: { is_disabled: true } },
  );
}
