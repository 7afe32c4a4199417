// What /status shows a lead: the team's deliveries still waiting and the ones that failed, with reasons.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";

export const FAILED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type ReasonCode = "blocked" | "never_started" | "rejected" | "gave_up" | "other";

export interface DeliveryStatus {
  pending: { kind: string; count: number; retrying: number }[];
  failed: { kind: string; count: number }[];
  recent: { id: number; kind: string; chatId: number; memberName: string | null; reason: ReasonCode; raw: string; at: number }[];
  unreachable: string[];
  /** Messages not sent on purpose in the last 7 days: the recipient is leaving the team. */
  dropped: { memberName: string | null; count: number }[];
}

export function deliveryStatus(db: Db, teamId: number, now: Date, recentLimit = 10): DeliveryStatus {
  const since = now.getTime() - FAILED_WINDOW_MS;
  const pending = db.all<{ kind: string; count: number; retrying: number }>(
    sql`SELECT kind, COUNT(*) AS count, SUM(CASE WHEN attempts > 0 OR last_error IS NOT NULL THEN 1 ELSE 0 END) AS retrying
        FROM notifications WHERE team_id = ${teamId} AND status = 'pending' GROUP BY kind ORDER BY count DESC, kind`,
  );
  const failed = db.all<{ kind: string; count: number }>(
    sql`SELECT kind, COUNT(*) AS count FROM notifications
        WHERE team_id = ${teamId} AND status = 'failed' AND created_at >= ${since} GROUP BY kind ORDER BY count DESC, kind`,
  );
  const recent = db
    .all<{ id: number; kind: string; chatId: number; memberName: string | null; lastError: string | null; at: number }>(
      sql`SELECT n.id AS id, n.kind AS kind, n.chat_id AS chatId, m.name AS memberName, n.last_error AS lastError, n.created_at AS at
          FROM notifications n LEFT JOIN members m ON m.id = n.member_id
          WHERE n.team_id = ${teamId} AND n.status = 'failed' AND n.created_at >= ${since}
          ORDER BY n.id DESC LIMIT ${recentLimit}`,
    )
    .map((r) => ({ ...r, ...explain(r.lastError ?? "") }));
  const unreachable = db
    .all<{ name: string }>(
      sql`SELECT name FROM members WHERE team_id = ${teamId} AND status = 'active'
          AND (telegram_id IS NULL OR reachability IN ('blocked', 'never_started')) ORDER BY name`,
    )
    .map((r) => r.name);
  const dropped = db.all<{ memberName: string | null; count: number }>(
    sql`SELECT m.name AS memberName, COUNT(*) AS count FROM notifications n LEFT JOIN members m ON m.id = n.member_id
        WHERE n.team_id = ${teamId} AND n.status = 'dropped' AND n.created_at >= ${since}
        GROUP BY n.member_id ORDER BY count DESC, m.name`,
  );
  return { pending, failed, recent, unreachable, dropped };
}

/** A stored error ("403 Forbidden: bot was blocked by the user") as a reason a person understands. */
export function explain(lastError: string): { reason: ReasonCode; raw: string } {
  const text = lastError.trim();
  const lower = text.toLowerCase();
  const raw = text.replace(/^gave up after \d+ attempts: /, "").replace(/^\d{3} /, "").slice(0, 120);
  if (lower.startsWith("403") && lower.includes("blocked")) return { reason: "blocked", raw };
  if (lower.includes("can't initiate") || lower.includes("chat not found")) return { reason: "never_started", raw };
  if (lower.startsWith("gave up")) return { reason: "gave_up", raw };
  if (/^4\d\d /.test(text)) return { reason: "rejected", raw };
  return { reason: "other", raw };
}
