// Voices: who of the team has a recorded touch with a client. Every call outcome where someone spoke with
// the client, every note and an import's "other managers" column leave a touch; the latest per client and
// member is kept in client_voices. A voice counts while its touch is younger than the team's window.
import { sql, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db, DbOrTx } from "../db/client.js";
import { clientVoices, teams } from "../db/schema.js";

export type TouchSource = "call" | "note" | "import";

export const DEFAULT_WINDOW_MONTHS = 12;
export const MAX_WINDOW_MONTHS = 36;

/** Records that `memberId` touched `clientId` at `at` (keeps the latest touch). */
export function recordTouch(tx: DbOrTx, input: { teamId: number; clientId: number; memberId: number; at: number; source: TouchSource }): void {
  tx.insert(clientVoices)
    .values({ teamId: input.teamId, clientId: input.clientId, memberId: input.memberId, lastTouchAt: input.at, source: input.source })
    .onConflictDoUpdate({
      target: [clientVoices.clientId, clientVoices.memberId],
      set: {
        lastTouchAt: sql`max(${clientVoices.lastTouchAt}, excluded.last_touch_at)`,
        source: sql`case when excluded.last_touch_at >= ${clientVoices.lastTouchAt} then excluded.source else ${clientVoices.source} end`,
      },
    })
    .run();
}

/** The instant before which a touch no longer makes a voice. */
export function voiceCutoff(now: Date, windowMonths: number): number {
  const months = Math.min(Math.max(1, Math.trunc(windowMonths) || DEFAULT_WINDOW_MONTHS), MAX_WINDOW_MONTHS);
  return DateTime.fromJSDate(now, { zone: "utc" }).minus({ months }).toMillis();
}

/**
 * SQL condition "the client `c` has no voice but its owner's": the owner is always a voice (the client
 * knows them), so a single-voice client is one nobody else of the team touched within the window.
 * `c` is the alias of clients; the cutoff is a bound parameter.
 */
export function singleVoiceSql(cutoff: number) {
  return sql`not exists (select 1 from client_voices v where v.client_id = c.id and v.member_id <> c.owner_id and v.last_touch_at >= ${cutoff})`;
}

/** The cutoff for a team's window (its setting), at `now`. */
export function teamVoiceCutoff(db: Db, teamId: number, now: Date): number {
  const team = db.select({ months: teams.starsWindowMonths }).from(teams).where(eq(teams.id, teamId)).get();
  return voiceCutoff(now, team?.months ?? DEFAULT_WINDOW_MONTHS);
}
