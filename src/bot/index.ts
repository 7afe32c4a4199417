import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, Composer, type Middleware } from "grammy";
import type { Config } from "../platform/config.js";
import { sqliteStorage } from "../db/kv-storage.js";
import { configureApi } from "./api-setup.js";
import { buttonOwners } from "./button-owners.js";
import { routeButtons } from "./button-routes.js";
import type { BotContext, BotRules, ConvContext, Deps } from "./context.js";
import { createTeamConversation, createTeamId } from "../team/create-team-dialogue.js";
import { deleteTeamConversation, deleteTeamId } from "../team/delete-team-dialogue.js";
import { offboardConversation, offboardConversationId } from "../handover/offboard-dialogue.js";
import { checklistInputConversation, checklistInputId } from "../handover/checklist-input-dialogue.js";
import { leaverFormConversation, leaverFormId } from "../handover/interview-form-dialogue.js";
import { offboardFeature } from "../handover/telegram.js";
import { checklistFeature } from "../handover/checklist-telegram.js";
import { CALL_DIALOG_TIMEOUT_MS, callOutcomeConversation, callOutcomeId } from "../calls/outcome-dialogue.js";
import { scriptEditConversation, scriptEditId } from "../calls/script-edit-dialogue.js";
import { callsFeature } from "../calls/telegram.js";
import { reportFeature } from "../reports/telegram.js";
import { scriptFeature } from "../calls/script-telegram.js";
import { addClientConversation, addClientId } from "../clients/add-client-dialogue.js";
import { addCommitmentConversation, addCommitmentId } from "../clients/add-commitment-dialogue.js";
import { clientsFeature } from "../clients/telegram.js";
import { exportFeature } from "../clients/export-telegram.js";
import { importFeature } from "../clients/import-telegram.js";
import { helpFeature } from "./help.js";
import { languageFeature } from "../team/language-telegram.js";
import { startFeature } from "../team/start-telegram.js";
import { statusFeature } from "../reports/status-telegram.js";
import { teamFeature } from "../team/telegram.js";
import { membersFeature } from "../team/members-telegram.js";
import { unhandledFeature } from "./unhandled.js";
import { starsFeature } from "../stars/telegram.js";
import { createI18n } from "./i18n.js";
import { groupPolicy } from "./group-policy.js";
import { DIST_DIALOG_TIMEOUT_MS, distributeAdjustConversation, distributeAdjustId } from "../distribution/adjust-dialogue.js";
import { distributionFeature } from "../distribution/telegram.js";
import { SETTINGS_DIALOG_TIMEOUT_MS, settingsValueConversation, settingsValueId } from "../team/settings-value-dialogue.js";
import { settingsFeature } from "../team/settings-telegram.js";
import { contextExtras, escapeTranslations, loadActor } from "./middleware/context-extras.js";
import { oncePerUpdate } from "./middleware/once-per-update.js";
import { logUpdate } from "./middleware/log-update.js";
import { personalMenus } from "./command-menu.js";
import { trackInFlight } from "./middleware/in-flight.js";
import { actorOf } from "../team/actor.js";
import { clientAccess } from "../handover/leaver-access.js";
import { OFFBOARD_DIALOGUE_PREFIX } from "../handover/keyboards.js";
import { CHECKLIST_ANSWER, CHECKLIST_INPUT_PREFIX } from "../handover/checklist-keyboards.js";

/** The button scopes of the dialogues that run in a group (the rest continue in private, see group-policy.ts). */
const GROUP_DIALOGUES = [OFFBOARD_DIALOGUE_PREFIX, CHECKLIST_INPUT_PREFIX + CHECKLIST_ANSWER].map((prefix) => prefix.slice(0, -1));

/** The capabilities' rules the bot's middleware and guards consult (see BotRules). */
const rules: BotRules = { actorOf, clientAccess };

/** The one place plugins and features are wired; tests build this very bot with their own deps. */
export function createBot(config: Config, deps: Deps) {
  const bot = new Bot<BotContext>(config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: config.apiRoot, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
  });
  configureApi(bot.api);
  const i18n = createI18n<BotContext>((ctx) => ctx.actor?.locale ?? "ru");

  const inFlight = trackInFlight<BotContext>();
  bot.use(inFlight.middleware);
  // Same chat or same person: one update at a time, so a double tap cannot race itself.
  bot.use(sequentialize((ctx) => [ctx.chat?.id, ctx.from?.id].filter((id) => id !== undefined).map(String)));
  bot.use(oncePerUpdate(deps.db, deps.clock));

  const perUpdate: Middleware<BotContext>[] = [contextExtras(config, deps, i18n, rules), loadActor, i18n, escapeTranslations];
  bot.use(...perUpdate);
  bot.use(logUpdate);
  bot.use(personalMenus().middleware);
  bot.use(
    conversations<BotContext, ConvContext>({
      storage: { type: "key", adapter: sqliteStorage(deps.db, () => deps.clock.now().getTime()) },
      plugins: [
        ...(perUpdate as unknown as Middleware<ConvContext>[]),
        (ctx, next) => {
          configureApi(ctx.api);
          return next();
        },
      ],
    }),
  );

  const features = bot.errorBoundary(onFeatureError);
  // Conversations first (each waits only for its own updates and passes the rest on), then features.
  // All dialogues are parallel: one open dialogue must never block another feature's dialogue in the chat,
  // and ask.ts makes each take only its own buttons and its starter's text.
  const dialogue = { parallel: true } as const;
  features.use(groupPolicy); // what may be said in a group: before any dialogue or feature speaks

  features.use(createConversation(createTeamConversation, { id: createTeamId, ...dialogue }));
  features.use(createConversation(checklistInputConversation, { id: checklistInputId, ...dialogue }));
  features.use(createConversation(deleteTeamConversation, { id: deleteTeamId, ...dialogue }));
  features.use(createConversation(offboardConversation, { id: offboardConversationId, ...dialogue }));
  features.use(createConversation(leaverFormConversation, { id: leaverFormId, ...dialogue }));
  features.use(createConversation(callOutcomeConversation, { id: callOutcomeId, ...dialogue, maxMillisecondsToWait: CALL_DIALOG_TIMEOUT_MS }));
  features.use(createConversation(scriptEditConversation, { id: scriptEditId, ...dialogue }));
  features.use(createConversation(addClientConversation, { id: addClientId, ...dialogue }));
  features.use(createConversation(addCommitmentConversation, { id: addCommitmentId, ...dialogue }));
  features.use(createConversation(distributeAdjustConversation, { id: distributeAdjustId, ...dialogue, maxMillisecondsToWait: DIST_DIALOG_TIMEOUT_MS }));
  features.use(createConversation(settingsValueConversation, { id: settingsValueId, ...dialogue, maxMillisecondsToWait: SETTINGS_DIALOG_TIMEOUT_MS }));
  const everyFeature = new Composer<BotContext>(
    ...[languageFeature, startFeature, helpFeature, teamFeature, membersFeature],
    ...[offboardFeature, checklistFeature, distributionFeature, settingsFeature],
    ...[callsFeature, reportFeature, scriptFeature, importFeature, clientsFeature, exportFeature, statusFeature, starsFeature],
  );
  features.use(routeButtons(everyFeature, buttonOwners));
  features.use(unhandledFeature(GROUP_DIALOGUES)); // always last

  bot.catch((err) => deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled bot error"));
  return Object.assign(bot, { i18n, inFlight });
}

export type HandoverBot = ReturnType<typeof createBot>;


/** Logs the failure and tells the person, politely, that it did not work; the bot keeps running. */
async function onFeatureError(err: BotError<BotContext>) {
  const ctx = err.ctx;
  ctx.log.error({ err: err.error }, "update failed");
  const text = ctx.t ? ctx.t("error-generic") : "Something went wrong. Please try again.";
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat) await ctx.reply(text);
  } catch (replyErr) {
    ctx.log.warn({ err: replyErr }, "could not report the error to the user");
  }
}
