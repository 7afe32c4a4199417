// /export (lead): the team's clients as CSV that Excel opens (UTF-8 BOM, ";"), for re-import into the CRM.
import { Composer, InputFile } from "grammy";
import { localDate } from "../platform/calendar.js";
import { exportTable, type ExportLabels } from "./export.js";
import { toCsvForExcel } from "./import/csv-export.js";
import type { BotContext } from "../bot/context.js";
import { requireClientAccess } from "../bot/guards.js";

export const exportFeature = new Composer<BotContext>();

exportFeature.chatType("private").command("export", async (ctx) => {
  const membership = await requireClientAccess(ctx, "read", true);
  if (!membership) return;
  const { team } = membership;
  const t = ctx.t;
  const labels: ExportLabels = {
    headers: {
      name: t("export-h-name"),
      company: t("export-h-company"),
      phones: t("export-h-phones"),
      email: t("export-h-email"),
      externalId: t("export-h-external-id"),
      owner: t("export-h-owner"),
      previousOwner: t("export-h-previous-owner"),
      temperature: t("export-h-temperature"),
      lastContact: t("export-h-last-contact"),
      nextContact: t("export-h-next-contact"),
      notes: t("export-h-notes"),
      promise: t("export-h-promises"),
      document: t("export-h-documents"),
      deadline: t("export-h-deadlines"),
    },
    temperature: { hot: t("export-t-hot"), warm: t("export-t-warm"), cold: t("export-t-cold") },
    dueConnector: t("export-due-connector"),
  };
  const table = exportTable(ctx.deps.db, team.id, labels);
  if (table.rows.length === 0) return ctx.reply(t("export-empty"));
  const bytes = toCsvForExcel(table.headers, table.rows);
  const fileName = `clients-${localDate(ctx.deps.clock.now(), team.timezone)}.csv`;
  ctx.log.info({ teamId: team.id, clients: table.rows.length }, "clients exported");
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  return ctx.replyWithDocument(new InputFile(bytes, fileName), { caption: t("export-caption", { n: table.rows.length }) });
});
