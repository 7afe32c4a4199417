// What the bot keeps for itself: the audit log, the outbox, job runs, dialogue state, received updates.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.js";
import { teams, members } from "./team.js";
import { handovers } from "./handover.js";

/** Who changed what, when: shown under a handover's "History". */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    handoverId: integer("handover_id").references(() => handovers.id),
    actorId: integer("actor_id").references(() => members.id),
    action: text("action").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("audit_handover_idx").on(t.handoverId, t.at)],
);

/** dropped: not sent on purpose (the recipient is leaving the team), shown in /status. */
export type NotificationStatus = "pending" | "sent" | "failed" | "dropped";

/** Transactional outbox: written in the transaction that decides a message, drained by the sender. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").references(() => teams.id),
    memberId: integer("member_id").references(() => members.id),
    chatId: integer("chat_id").notNull(),
    /** Same key twice = the same message: the second is ignored. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind").notNull(),
    /** The Bot API method and its parameters (minus chat_id), JSON. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<NotificationStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    notBefore: integer("not_before").notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("notifications_pending_idx").on(t.status, t.notBefore)],
);

/** The last run of each scheduled job per team, so runs missed while down are made up once. */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    job: text("job").notNull(),
    teamId: integer("team_id").notNull(),
    /** The slot that ran, e.g. '2026-11-23' for a daily job, '2026-11-23T15' for an hourly one. */
    lastSlot: text("last_slot").notNull(),
    ranAt: integer("ran_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.teamId] })],
);

/** Conversation state for @grammyjs/conversations, so a restart does not lose a dialogue. */
export const conversationState = sqliteTable("conversation_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * Which open dialogue a person's typed text answers (bot/dialogues/focus.ts): one row per dialogue waiting
 * for a person in a chat, the latest asker on top. Kept with the dialogues' own state so a restart keeps it.
 */
export const dialogueFocus = sqliteTable(
  "dialogue_focus",
  {
    chatId: integer("chat_id").notNull(),
    userId: integer("user_id").notNull(),
    token: text("token").notNull(),
    since: integer("since").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.userId, t.token] })],
);


/**
 * Every update from Telegram, written down before it is handled and marked when its handling (dialogue
 * state included) is done. Long polling confirms updates before the bot has handled them, so a crash could
 * lose a person's answer; and after a stop Telegram sends the last updates again, which must not be
 * answered twice. At start the bot handles what was received and not finished.
 */
export const receivedUpdates = sqliteTable(
  "received_updates",
  {
    updateId: integer("update_id").primaryKey(),
    payload: text("payload").notNull(),
    receivedAt: integer("received_at").notNull(),
    handledAt: integer("handled_at"),
  },
  // The pruning every 500 updates and the replay at start look rows up by age: without it, each prune read
  // two days of updates, payloads and all.
  (t) => [index("received_updates_received_at_idx").on(t.receivedAt)],
);
