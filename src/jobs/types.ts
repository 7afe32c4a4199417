import type { Config } from "../platform/config.js";
import type { Db } from "../db/client.js";
import type { teams } from "../db/schema.js";
import type { Clock } from "../platform/clock.js";
import type { Translations } from "../platform/locale.js";
import type { Logger } from "../platform/logger.js";

export type Team = typeof teams.$inferSelect;

/** What a job needs: no Telegram here — jobs only decide and enqueue into the outbox. */
export interface JobDeps {
  db: Db;
  /** The bot's texts (its I18n instance): jobs write in each recipient's language. */
  i18n: Translations;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** The bot's username, for links in messages (invite links, deep links). */
  botUsername: string;
}

/** Which of a job's daily slots is running: the morning one (digest hour), the afternoon one, or an operator's run. */
export type SlotKind = "digest" | "afternoon" | "manual";

export interface JobSlot {
  /** Team-local 'YYYY-MM-DDTHH' of the slot: part of every dedupe key, so a slot sends once. */
  key: string;
  kind: SlotKind;
}

/**
 * Owed work the scheduler finishes on every tick, whatever the hour (not a nag): made once per scheduler,
 * the sweep returns how much it finished.
 */
export type Sweep = (deps: JobDeps) => (now: Date) => number;

/** A scheduled job: when its slots fall for a team, and what it does in one. */
export interface JobDefinition {
  name: string;
  /**
   * Team-local hours of the job's daily slots. Slots fall on working days only; a slot outside working
   * hours waits for the start of the working day (or, past its end, does not run: quiet hours).
   */
  slots(team: Team): { hour: number; kind: Exclude<SlotKind, "manual"> }[];
  /** Decides and enqueues (synchronous: it runs inside the scheduler's transaction); returns messages enqueued. */
  run(deps: JobDeps, team: Team, now: Date, slot: JobSlot): number;
}
