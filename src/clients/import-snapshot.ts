// The team as the import planner sees it: its roster, its clients and their open commitments, read in a
// few raw queries into Maps (a 100,000-row file is matched against them without a query per row).
import type { Db } from "../db/client.js";
import type { MemberRole, MemberStatus, Temperature } from "../db/schema.js";
import { importStatements } from "./import-queries.js";
import type { RosterMember } from "./owner-match.js";

/** A member id, the key of a name-only member still to be added, or null (the unassigned pool). */
export type OwnerTarget = number | string | null;

export interface ClientState {
  name: string;
  company: string | null;
  phones: string[];
  email: string | null;
  externalId: string | null;
  temperature: Temperature;
  lastContactOn: string | null;
  nextContactOn: string | null;
  notes: string | null;
}

export interface ExistingClient extends ClientState {
  id: number;
  owner: OwnerTarget;
}

/** Everything the planner needs to know about a team, read in a few queries. */
export interface TeamSnapshot {
  teamId: number;
  roster: RosterMember[];
  clients: Map<number, ExistingClient>;
  /** `${clientId}|${kind}|${text}|${dueOn}` of open commitments, so re-imports do not repeat them. */
  openCommitments: Set<string>;
}

export function loadTeamSnapshot(db: Db, teamId: number): TeamSnapshot {
  const q = importStatements(db);
  const roster = (
    q.roster.all(teamId) as { id: number; name: string; username: string | null; telegramId: number | null; role: MemberRole; status: MemberStatus }[]
  ).map((m) => ({ ...m }));
  const clients = new Map<number, ExistingClient>();
  const rows = q.clientsOfTeam.iterate(teamId) as IterableIterator<unknown[]>;
  for (const r of rows) {
    const id = r[0] as number;
    clients.set(id, {
      id,
      name: r[1] as string,
      company: r[2] as string | null,
      phones: JSON.parse((r[3] as string) || "[]") as string[],
      email: r[4] as string | null,
      externalId: r[5] as string | null,
      owner: r[6] as number | null,
      temperature: r[7] as Temperature,
      lastContactOn: r[8] as string | null,
      nextContactOn: r[9] as string | null,
      notes: r[10] as string | null,
    });
  }
  const openCommitments = new Set<string>();
  const open = q.openCommitments.iterate(teamId) as IterableIterator<unknown[]>;
  for (const c of open) openCommitments.add(commitmentKey(c[0] as number, c[1] as string, c[2] as string, c[3] as string | null));
  return { teamId, roster, clients, openCommitments };
}

export function commitmentKey(clientId: number, kind: string, text: string, dueOn: string | null): string {
  return `${clientId}|${kind}|${text}|${dueOn ?? ""}`;
}
