// A CSV/XLSX sent in a private chat -> download -> parse -> preview with buttons -> (tap) one transaction.
// Nothing touches the client base before the tap; the batch waits in the database meanwhile.
import { Composer } from "grammy";
import { localDate } from "../../domain/calendar.js";
import { cancelImportBatch, confirmImportBatch, previewImport } from "../../domain/import-batches.js";
import { extensionOf } from "../../import/detect-type.js";
import { parseClientFile } from "../../import/parse-client-file.js";
import type { BotContext } from "../context.js";
import { downloadTelegramFile, TELEGRAM_DOWNLOAD_LIMIT } from "../file-download.js";
import { requireClientAccess, requireMember } from "../guards.js";
import { importPreviewKeyboard, parseImportCallback } from "../keyboards/import.js";
import { fileErrorText, previewText, resultText } from "./import-messages.js";

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
  const keyboard = importPreviewKeyboard(
    { go: ctx.t("import-button-go"), valid: ctx.t("import-button-valid"), cancel: ctx.t("import-button-cancel") },
    preview.batchId,
    { rejected: s.rejected + preview.parseRejected, writable: s.created + s.updated },
  );
  return ctx.reply(text, { reply_markup: keyboard });
});

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

importFeature.callbackQuery(/^imp:/, async (ctx) => {
  const parsed = parseImportCallback(ctx.callbackQuery.data);
  if (!parsed) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  const membership = await requireClientAccess(ctx, "write");
  if (!membership) return;
  const actor = { memberId: membership.member.id, teamId: membership.team.id, role: membership.member.role };
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();

  if (parsed.action === "no") {
    const result = cancelImportBatch(db, { batchId: parsed.batchId, actor });
    if (result !== "cancelled") return ctx.answerCallbackQuery({ text: ctx.t(`import-toast-${result}`) });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return ctx.reply(ctx.t("import-cancelled"));
  }

  const result = confirmImportBatch(db, { batchId: parsed.batchId, actor, mode: parsed.action === "go" ? "all" : "valid_only", now });
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
