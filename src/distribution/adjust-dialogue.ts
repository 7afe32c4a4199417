// Adjust a proposed distribution where something must be typed: move N clients from one manager to
// another (pick, pick, type N), or move one client (type part of a name, company or phone, pick it, pick
// the manager). The proposal itself lives in the database (distribution_items); this dialogue only asks,
// then changes it through the domain and posts the new table. Every step re-checks the proposal is open.
import type { TapOf } from "../bot/callback-data.js";
import { InlineKeyboard } from "grammy";
import { moveClient, moveClients, searchProposalClients, type FoundClient } from "./adjust.js";
import { eligibleManagers, getProposalView } from "./propose.js";
import type { AdjustResult, ProposalView } from "./types.js";
import type { ConvContext } from "../bot/context.js";
import { renderTable } from "./views.js";
import { adjustDialogueButtons, dialogData, pickKeyboard, tableKeyboard } from "./keyboards.js";
import { askUntil, waitAnswer, type Answer, type Conv } from "../bot/dialogues/ask.js";
import { distinctLabels } from "../bot/picker-labels.js";

type AdjustTap = TapOf<typeof adjustDialogueButtons>;

export const distributeAdjustId = "distribute-adjust";
/** A dialogue left open this long ends by itself, so a forgotten one never captures later text. */
export const DIST_DIALOG_TIMEOUT_MS = 30 * 60 * 1000;

export interface AdjustArgs {
  distributionId: number;
  mode: "many" | "one";
}

interface Start {
  teamId: number;
  actorId: number;
  rows: { memberId: number; name: string; addedTotal: number }[];
  targets: { memberId: number; name: string }[];
}

const SEARCH_RESULTS = 10;

export async function distributeAdjustConversation(conversation: Conv, ctx: ConvContext, args: AdjustArgs): Promise<void> {
  const start = await conversation.external((c): Start | null => {
    const { member, team } = c.actor;
    if (!member || !team || member.role !== "lead") return null;
    const view = getProposalView(c.deps.db, args.distributionId, team.id);
    if (!view || view.status !== "proposed") return null;
    return {
      teamId: team.id,
      actorId: member.id,
      rows: view.rows.filter((r) => r.addedTotal > 0).map((r) => ({ memberId: r.memberId, name: r.name, addedTotal: r.addedTotal })),
      targets: eligibleManagers(c.deps.db, args.distributionId, team.id),
    };
  });
  if (!start) {
    await ctx.reply(ctx.t("dist-adjust-closed"));
    return;
  }
  if (args.mode === "many") await moveMany(conversation, ctx, args.distributionId, start);
  else await moveOne(conversation, ctx, args.distributionId, start);
}

async function moveMany(conversation: Conv, ctx: ConvContext, distributionId: number, start: Start): Promise<void> {
  if (start.rows.length === 0 || start.targets.length < 2) {
    await ctx.reply(ctx.t("dist-adjust-nothing-to-move"));
    return showTable(conversation, ctx, distributionId, start.teamId);
  }
  const from = await askUntil<number | null, AdjustTap>(
    conversation,
    ctx,
    {
      text: ctx.t("dist-ask-from"),
      keyboard: pickKeyboard(ctx.t, start.rows.map((r) => ({ label: `${r.name} (+${r.addedTotal})`, data: dialogData.from(r.memberId) }))),
      buttons: adjustDialogueButtons,
    },
    async (a) => pickAnswer(ctx, a, "from", start.rows.map((r) => r.memberId)),
  );
  if (from.value === null) return quit(conversation, from.ctx, distributionId, start.teamId);
  const fromRow = start.rows.find((r) => r.memberId === from.value)!;

  const targets = start.targets.filter((m) => m.memberId !== fromRow.memberId);
  const to = await askUntil<number | null, AdjustTap>(
    conversation,
    from.ctx,
    {
      text: from.ctx.t("dist-ask-to", { name: fromRow.name }),
      keyboard: pickKeyboard(ctx.t, targets.map((m) => ({ label: m.name, data: dialogData.to(m.memberId) }))),
      buttons: adjustDialogueButtons,
    },
    async (a) => pickAnswer(ctx, a, "to", targets.map((m) => m.memberId)),
  );
  if (to.value === null) return quit(conversation, to.ctx, distributionId, start.teamId);
  const toName = targets.find((m) => m.memberId === to.value)!.name;

  const max = fromRow.addedTotal;
  const count = await askUntil<number | null, AdjustTap>(
    conversation,
    to.ctx,
    {
      text: to.ctx.t("dist-ask-count", { from: fromRow.name, to: toName, max }),
      keyboard: quitKeyboard(ctx),
      buttons: adjustDialogueButtons,
    },
    async (a) => {
      if (a.kind === "button") return a.tap?.kind === "quit" ? { ok: true, value: null } : { ok: false, error: ctx.t("dist-ask-count-invalid", { max }) };
      const n = /^\d{1,6}$/.test(a.text) ? Number(a.text) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > max) return { ok: false, error: ctx.t("dist-ask-count-invalid", { max }) };
      return { ok: true, value: n };
    },
  );
  if (count.value === null) return quit(conversation, count.ctx, distributionId, start.teamId);
  const n = count.value;

  const result = await conversation.external((c) =>
    moveClients(c.deps.db, { distributionId, teamId: start.teamId, fromId: fromRow.memberId, toId: to.value!, count: n, actorId: start.actorId, now: c.deps.clock.now() }),
  );
  await reportAndShow(conversation, count.ctx, distributionId, start.teamId, result, count.ctx.t("dist-moved-many", { count: n, from: fromRow.name, to: toName }));
}

async function moveOne(conversation: Conv, ctx: ConvContext, distributionId: number, start: Start): Promise<void> {
  let current = ctx;
  let question = ctx.t("dist-ask-search");
  let found: FoundClient[] = [];
  let chosen: FoundClient | null = null;
  await current.reply(question, { reply_markup: quitKeyboard(ctx) });
  // Typed text searches (again); a tap on a found client picks it.
  while (!chosen) {
    const answer = await waitAnswer(conversation, ctx.from!.id, adjustDialogueButtons);
    current = answer.ctx;
    if (answer.kind === "button") {
      const d = answer.tap;
      if (d?.kind === "quit") return quit(conversation, current, distributionId, start.teamId);
      const pick = d?.kind === "client" ? found.find((f) => f.clientId === d.id) : undefined;
      if (pick) {
        chosen = pick;
        break;
      }
      await current.reply(current.t("dist-ask-search"), { reply_markup: quitKeyboard(ctx) });
      continue;
    }
    const query = answer.text;
    const result = await conversation.external((c) => searchProposalClients(c.deps.db, { distributionId, teamId: start.teamId, query, limit: SEARCH_RESULTS }));
    found = result.found;
    if (result.total === 0) {
      question = current.t("dist-search-none", { query: query.slice(0, 100) });
      await current.reply(question, { reply_markup: quitKeyboard(ctx) });
      continue;
    }
    const key = result.total > SEARCH_RESULTS ? "dist-search-many" : "dist-search-found";
    await current.reply(current.t(key, { count: result.total, shown: found.length }), {
      reply_markup: pickKeyboard(
        ctx.t,
        distinctLabels(
          found.map((f) => `${f.name}${f.company ? ` (${f.company})` : ""} → ${f.toName}`),
          (i) => [found[i]!.phoneTail === null ? null : `…${found[i]!.phoneTail}`],
        ).map((label, i) => ({ label, data: dialogData.client(found[i]!.clientId) })),
      ),
    });
  }

  const client = chosen;
  const targets = start.targets.filter((m) => m.memberId !== client.toMemberId);
  if (targets.length === 0) {
    await current.reply(current.t("dist-adjust-nothing-to-move"));
    return showTable(conversation, current, distributionId, start.teamId);
  }
  const to = await askUntil<number | null, AdjustTap>(
    conversation,
    current,
    {
      text: current.t("dist-ask-to-one", { client: client.name, current: client.toName }),
      keyboard: pickKeyboard(ctx.t, targets.map((m) => ({ label: m.name, data: dialogData.to(m.memberId) }))),
      buttons: adjustDialogueButtons,
    },
    async (a) => pickAnswer(ctx, a, "to", targets.map((m) => m.memberId)),
  );
  if (to.value === null) return quit(conversation, to.ctx, distributionId, start.teamId);
  const toName = targets.find((m) => m.memberId === to.value)!.name;
  const result = await conversation.external((c) =>
    moveClient(c.deps.db, { distributionId, teamId: start.teamId, clientId: client.clientId, toId: to.value!, actorId: start.actorId, now: c.deps.clock.now() }),
  );
  await reportAndShow(conversation, to.ctx, distributionId, start.teamId, result, to.ctx.t("dist-moved-one", { client: client.name, to: toName }));
}

/** A tap on one of the offered people (or Cancel → null); anything else is asked again. */
async function pickAnswer(
  ctx: ConvContext,
  a: Answer<AdjustTap>,
  kind: "from" | "to",
  allowed: number[],
): Promise<{ ok: true; value: number | null } | { ok: false; error: string }> {
  if (a.kind === "button") {
    const d = a.tap;
    if (d?.kind === "quit") return { ok: true, value: null };
    if (d?.kind === kind && allowed.includes(d.id)) return { ok: true, value: d.id };
  }
  return { ok: false, error: ctx.t("dist-ask-pick-button") };
}

function quitKeyboard(ctx: ConvContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("dist-btn-dialog-quit"), dialogData.quit());
}

async function quit(conversation: Conv, ctx: ConvContext, distributionId: number, teamId: number): Promise<void> {
  await ctx.reply(ctx.t("dist-adjust-quit"));
  return showTable(conversation, ctx, distributionId, teamId);
}

async function reportAndShow(conversation: Conv, ctx: ConvContext, distributionId: number, teamId: number, result: AdjustResult, done: string) {
  if (!result.ok) {
    await ctx.reply(ctx.t(result.reason === "not_proposed" || result.reason === "not_found" ? "dist-adjust-closed" : "dist-adjust-failed"));
    if (result.reason === "not_proposed" || result.reason === "not_found") return;
    return showTable(conversation, ctx, distributionId, teamId);
  }
  return showTable(conversation, ctx, distributionId, teamId, done);
}

async function showTable(conversation: Conv, ctx: ConvContext, distributionId: number, teamId: number, note?: string): Promise<void> {
  const view = await conversation.external((c): ProposalView | null => getProposalView(c.deps.db, distributionId, teamId));
  if (!view || view.status !== "proposed") {
    await ctx.reply(ctx.t("dist-adjust-closed"));
    return;
  }
  await ctx.reply(renderTable(ctx.t, view, note), { reply_markup: tableKeyboard(ctx.t, view) });
}
