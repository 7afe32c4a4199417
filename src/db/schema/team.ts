// Who is who: everyone who wrote to the bot, teams, their members, and requests to join.
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.js";

/** Anyone who ever wrote to the bot: their language choice lives here, team or not. */
export const users = sqliteTable("users", {
  telegramId: integer("telegram_id").primaryKey(),
  firstName: text("first_name"),
  username: text("username"),
  languageCode: text("language_code"),
  /** Set by /language; overrides the Telegram client's language. */
  locale: text("locale"),
  updatedAt: integer("updated_at").notNull(),
});

export const teams = sqliteTable("teams", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  timezone: text("timezone").notNull(),
  groupChatId: integer("group_chat_id").unique(),
  managerInviteToken: text("manager_invite_token").notNull().unique(),
  leadInviteToken: text("lead_invite_token").notNull().unique(),
  digestHour: integer("digest_hour").notNull().default(9),
  afternoonNagHour: integer("afternoon_nag_hour").notNull().default(15),
  workStartHour: integer("work_start_hour").notNull().default(9),
  workEndHour: integer("work_end_hour").notNull().default(19),
  /** ISO weekdays, comma separated: "1,2,3,4,5". */
  workingDays: text("working_days").notNull().default("1,2,3,4,5"),
  campaignDays: integer("campaign_days").notNull().default(5),
  maxCallsPerDay: integer("max_calls_per_day").notNull().default(20),
  managerCap: integer("manager_cap"),
  deadlineWindowHours: integer("deadline_window_hours").notNull().default(24),
  /** The leads' Monday picture of the open handovers (src/reports/charts/weekly-job.ts). */
  weeklyPicture: integer("weekly_picture", { mode: "boolean" }).notNull().default(true),
  /** De-starring: a touch older than this many months no longer makes its author a voice. */
  starsWindowMonths: integer("stars_window_months").notNull().default(12),
  /** De-starring: the weekly planning runs on this ISO weekday at this hour (team-local). */
  starsPlanDay: integer("stars_plan_day").notNull().default(1),
  starsPlanHour: integer("stars_plan_hour").notNull().default(9),
  /** De-starring: second-voice touches a member gets a week unless their own cap says otherwise. */
  starsWeeklyCap: integer("stars_weekly_cap").notNull().default(5),
  starsPaused: integer("stars_paused", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export type MemberRole = "lead" | "manager";
export type StarsRole = "trainee" | "quality";
export type MemberStatus = "active" | "departing" | "left";
export type Reachability = "unknown" | "ok" | "never_started" | "blocked";

export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    /** Null for a member known by name only (e.g. an owner from an import who never opened the bot). */
    telegramId: integer("telegram_id").unique(),
    username: text("username"),
    name: text("name").notNull(),
    role: text("role").$type<MemberRole>().notNull(),
    status: text("status").$type<MemberStatus>().notNull().default("active"),
    weight: real("weight").notNull().default(1),
    excluded: integer("excluded", { mode: "boolean" }).notNull().default(false),
    reachability: text("reachability").$type<Reachability>().notNull().default("unknown"),
    unreachableReportedAt: integer("unreachable_reported_at"),
    /** De-starring: this member's weekly cap of second-voice touches (null: the team's; 0: opted out). */
    starsCap: integer("stars_cap"),
    /** De-starring: a trainee or quality caller gets more second-voice touches. */
    starsRole: text("stars_role").$type<StarsRole>(),
    createdAt: createdAt(),
  },
  (t) => [index("members_team_idx").on(t.teamId)],
);

export type JoinRequestStatus = "pending" | "accepted" | "declined";

/** Someone who opened the co-lead link: they become a lead only when a lead accepts. */
export const joinRequests = sqliteTable(
  "join_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    telegramId: integer("telegram_id").notNull(),
    username: text("username"),
    name: text("name").notNull(),
    status: text("status").$type<JoinRequestStatus>().notNull().default("pending"),
    decidedById: integer("decided_by_id").references(() => members.id),
    decidedAt: integer("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("join_requests_team_idx").on(t.teamId, t.status)],
);
