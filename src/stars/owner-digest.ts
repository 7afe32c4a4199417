// Which second-voice touches on whose clients were made since the last daily run: per owner, per caller,
// how many reached and how many lost (the owner's daily line).
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";

export interface OwnerDigest {
  ownerId: number;
  callers: { callerId: number; reached: number; lost: number }[];
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function ownerDigests(db: Db, teamId: number, since: number, until: number): OwnerDigest[] {
  const rows = db.all<{ ownerId: number; callerId: number; reached: number; lost: number }>(sql`
    select c.owner_id as ownerId, k.resolved_by_id as callerId, sum(k.status = 'reached') as reached, sum(k.status = 'lost') as lost
    from calls k join clients c on c.id = k.client_id
    where k.team_id = ${teamId} and k.kind = 'second_voice' and k.status in ('reached', 'lost')
      and k.resolved_at >= ${since} and k.resolved_at < ${until}
      and c.owner_id is not null and k.resolved_by_id is not null and k.resolved_by_id <> c.owner_id
    group by c.owner_id, k.resolved_by_id order by c.owner_id, k.resolved_by_id`);
  const byOwner = new Map<number, OwnerDigest>();
  for (const r of rows) {
    let d = byOwner.get(r.ownerId);
    if (!d) byOwner.set(r.ownerId, (d = { ownerId: r.ownerId, callers: [] }));
    d.callers.push({ callerId: r.callerId, reached: r.reached, lost: r.lost });
  }
  return [...byOwner.values()];
}
