// A CSV/XLSX sent in a private chat -> download -> parse -> preview with buttons -> (tap) one transaction.
// Nothing touches the client base before the tap; the batch waits in the database meanwhile.
import { Composer, InlineKeyboard } from "grammy";
import { localDate } from "../platform/calendar.js";
import { MAX_NOTE_ITEMS, type ImportSummary } from "./import-summary.js";
import { cancelImportBatch, chooseImportNotes, chooseImportOwner, confirmImportBatch, previewImport, type NoteAction } from "./import-batches.js";
import { extensionOf } from "./import/detect-type.js";
import { parseClientFile } from "./import/parse-client-file.js";
import type { BotContext } from "../bot/context.js";
import { downloadTelegramFile, TELEGRAM_DOWNLOAD_LIMIT } from "../bot/file-download.js";
import { requireClientAccess, requireMember } from "../bot/guards.js";
import type { Translate } from "../platform/locale.js";
import { importButtons, importPreviewKeyboard, noteCallback, noteListKeyboard, ownerQuestionRows, type NoteTap } from "./import-keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { fileErrorText, noteListText, previewText, resultText } from "./import-views.js";
import type { MovedClients } from "./import-apply.js";
import { noticeImportOwners } from "./notices.js";

export const importFeature = new Composer<BotContext>();
const dm = importFeature.chatType("private");

const TABLE_EXTENSIONS = new Set(["csv", "tsv", "txt", "xlsx", "xlsm", "xls"]);

dm.on("message:document", async (ctx) => {
  const membership = await requireClientAccess(ctx, "write");
  if (!membership) return;
  const { member, team } = membership;
  const doc = ctx.message.document;
  const fileName = doc.file_name ?? "file";
  if (doc.mime_type?.startsWith("image/") || /^(jpe?g|png|gif|webp|heic|bmp|tiff?)$/.test(extensionOf(fileName))) {
    return ctx.reply(ctx.t("import-picture"));
  }
  // Refused from the size Telegram reports, before downloading anything.
  if (doc.file_size !== undefined && doc.file_size > TELEGRAM_DOWNLOAD_LIMIT) {
    return ctx.reply(ctx.t("import-too-large", { sizeMb: Math.round(doc.file_size / 1024 / 1024) }));
  }
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const download = await downloadTelegramFile(
    { api: ctx.api, apiRoot: ctx.config.apiRoot, token: ctx.config.botToken, fetch: ctx.deps.fetch },
    { fileId: doc.file_id, size: doc.file_size },
  );
  if (!download.ok) {
    if (download.reason === "too_large") return ctx.reply(ctx.t("import-too-large", { sizeMb: 20 }));
    ctx.log.warn({ teamId: team.id }, "import file download failed");
    return ctx.reply(ctx.t("import-download-failed"));
  }

  const now = ctx.deps.clock.now();
  const parsed = await parseClientFile(download.bytes, fileName, { today: localDate(now, team.timezone) });
  if (!parsed.ok) {
    ctx.log.info({ teamId: team.id, error: parsed.error, bytes: download.bytes.length }, "import file refused");
    return ctx.reply(fileErrorText(ctx.t, parsed.error, parsed));
  }
  const preview = previewImport(ctx.deps.db, {
    teamId: team.id,
    actorMemberId: member.id,
    fileName,
    parsed: { rows: parsed.rows, rejected: parsed.rejected, warnings: parsed.warnings, presentFields: Object.keys(parsed.columns), totalRows: parsed.totalRows },
    now,
  });
  const s = preview.summary;
  ctx.log.info(
    { teamId: team.id, batchId: preview.batchId, rows: parsed.totalRows, created: s.created, updated: s.updated, rejected: s.rejected + preview.parseRejected },
    "import previewed",
  );
  const text = previewText(ctx.t, {
    fileName,
    totalRows: parsed.totalRows,
    columns: parsed.columns,
    summary: s,
    parseRejected: parsed.rejected,
    parseWarnings: parsed.warnings,
    parseRejectedRows: preview.parseRejected,
  });
  return ctx.reply(text, { reply_markup: previewKeyboard(ctx.t, preview.batchId, s, preview.parseRejected) });
});

/** "Did you mean" questions first (one row each), then Import / Import valid / Cancel. */
function previewKeyboard(t: Translate, batchId: number, s: ImportSummary, parseRejected: number, answered?: ReadonlySet<number>): InlineKeyboard {
  const kb = ownerQuestionRows(
    new InlineKeyboard(),
    batchId,
    s.nearMisses ?? [],
    (near, memberChosen) => (memberChosen ? t("import-button-near-member", { name: near.memberName }) : t("import-button-near-new", { name: near.text })),
    answered,
  );
  const found = s.noteFindings?.total ?? 0;
  if (found > 0) kb.text(t("import-button-notes-all", { n: found }), noteCallback(batchId, "a")).text(t("import-button-notes-view"), noteCallback(batchId, "v")).row();
  return importPreviewKeyboard(
    { go: t("import-button-go"), valid: t("import-button-valid"), cancel: t("import-button-cancel") },
    batchId,
    { rejected: s.rejected + parseRejected, writable: s.created + s.updated, notes: found },
    kb,
  );
}

dm.on("message:photo", async (ctx) => {
  if (!(await requireMember(ctx))) return;
  return ctx.reply(ctx.t("import-picture"));
});

// Client files do not belong in a group chat; a lead who drops one there is asked to send it privately.
// Everyone else's files are none of our business.
importFeature.chatType(["group", "supergroup"]).on("message:document", async (ctx, next) => {
  const name = ctx.message.document.file_name ?? "";
  if (ctx.actor.member?.role !== "lead" || !TABLE_EXTENSIONS.has(extensionOf(name))) return next();
  return ctx.reply(ctx.t("import-private-only"), { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } });
});

onButton(importFeature, importButtons, async (ctx, parsed) => {
  const membership = await requireClientAccess(ctx, "write");
  if (!membership) return;
  const actor = { memberId: membership.member.id, teamId: membership.team.id, role: membership.member.role };
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();

  if (parsed.action === "dym") {
    const chosen = chooseImportOwner(db, { batchId: parsed.batchId, actor, index: parsed.index, memberChosen: parsed.memberChosen });
    if (!chosen.ok) return ctx.answerCallbackQuery({ text: ctx.t(`import-toast-${chosen.reason}`) });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: previewKeyboard(ctx.t, parsed.batchId, chosen.preview, chosen.parseRejected, new Set(chosen.answered)) }).catch(() => undefined);
    return ctx.reply(
      chosen.choice === "new"
        ? ctx.t("import-near-chosen-new", { text: chosen.text, n: chosen.rows })
        : ctx.t("import-near-chosen-member", { text: chosen.text, name: chosen.choice.memberName, n: chosen.rows }),
    );
  }

  if (parsed.action === "notes") return answerNotes(ctx, parsed.batchId, parsed.tap, actor);

  if (parsed.action === "no") {
    const result = cancelImportBatch(db, { batchId: parsed.batchId, actor });
    if (result !== "cancelled") return ctx.answerCallbackQuery({ text: ctx.t(`import-toast-${result}`) });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return ctx.reply(ctx.t("import-cancelled"));
  }

  const onApplied = ({ fileName, movedTo }: { fileName: string; movedTo: MovedClients }) =>
    noticeImportOwners(db, ctx.i18nInstance, { teamId: actor.teamId, movedTo, actorMemberId: actor.memberId, fileName, batchKey: String(parsed.batchId), now });
  const result = confirmImportBatch(db, { batchId: parsed.batchId, actor, mode: parsed.action === "go" ? "all" : "valid_only", now, onApplied });
  if (!result.ok) {
    if (result.reason === "has_rejected") {
      await ctx.answerCallbackQuery();
      const writable = result.summary.created + result.summary.updated;
      const keyboard = importPreviewKeyboard(
        { go: ctx.t("import-button-go"), valid: ctx.t("import-button-valid"), cancel: ctx.t("import-button-cancel") },
        parsed.batchId,
        { rejected: result.rejected, writable },
      );
      return ctx.reply(ctx.t("import-has-rejected", { n: result.rejected }), { reply_markup: keyboard });
    }
    return ctx.answerCallbackQuery({ text: ctx.t(`import-toast-${result.reason}`) });
  }
  const s = result.summary;
  ctx.log.info({ teamId: actor.teamId, batchId: parsed.batchId, created: s.created, updated: s.updated, rejected: s.rejected }, "import applied");
  await ctx.answerCallbackQuery({ text: ctx.t("import-toast-done") });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  return ctx.reply(resultText(ctx.t, s, result.changedSincePreview, s.unknownOwners.map((u) => u.name)));
});

/** "Take all" and "view" answer with the list of found commitments; taps on the list edit it in place. */
async function answerNotes(ctx: BotContext, batchId: number, tap: NoteTap, actor: { memberId: number; teamId: number; role: "lead" | "manager" }) {
  const action: NoteAction = tap === "a" || tap === "la" ? { keep: "all" } : tap === "ln" ? { keep: "none" } : tap === "v" ? { view: true } : { toggle: tap.toggle };
  const result = chooseImportNotes(ctx.deps.db, { batchId, actor, action });
  if (!result.ok) return ctx.answerCallbackQuery({ text: ctx.t(`import-toast-${result.reason}`) });
  const kept = (index: number) => result.choice === "all" || (Array.isArray(result.choice) && result.choice.includes(index));
  const keptCount = result.choice === "all" ? result.total : result.choice === "none" ? 0 : result.choice.length;
  const today = localDate(ctx.deps.clock.now(), ctx.actor.team?.timezone ?? ctx.config.defaultTimezone);
  const text = noteListText(ctx.t, ctx.actor.locale, today, { items: result.items, total: result.total, kept, keptCount });
  const keyboard = noteListKeyboard(batchId, result.items, kept, result.total <= MAX_NOTE_ITEMS, { all: ctx.t("import-button-notes-list-all"), none: ctx.t("import-button-notes-list-none") });
  ctx.log.info({ teamId: actor.teamId, batchId, kept: keptCount, found: result.total }, "import notes choice");
  if (tap === "a" || tap === "v") {
    await ctx.answerCallbackQuery(tap === "a" ? { text: ctx.t("import-toast-notes-all", { n: result.total }) } : undefined);
    return ctx.reply(text, { reply_markup: keyboard });
  }
  await ctx.answerCallbackQuery();
  return ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
}
