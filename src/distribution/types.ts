/**
 * What the distribution's rules take and give: the proposal's table, the results of apply, undo and
 * adjust, and what new owners are told. No logic here.
 */
import type { DistributionStatus, Reachability, Temperature } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import type { Handover } from "../handover/checklist.js";

export type TemperatureCounts = Record<Temperature, number>;

export interface ManagerRow {
  memberId: number;
  name: string;
  added: TemperatureCounts;
  addedTotal: number;
  /** Clients they own now plus what this proposal adds. */
  total: number;
  overCap: boolean;
}

/** Everything the table shows; read fresh from the database each time. */
export interface ProposalView {
  distributionId: number;
  teamId: number;
  handoverId: number | null;
  status: DistributionStatus;
  leaver: { id: number; name: string } | null;
  /** Clients in the scope when proposed. */
  clientCount: number;
  assigned: number;
  /** Clients of the scope with no new owner in the proposal: they go (or stay) in the pool. */
  unassigned: number;
  /** Assigned clients with an open commitment or deadline. */
  withCommitments: number;
  cap: number | null;
  rows: ManagerRow[];
  excluded: { memberId: number; name: string }[];
  /** Active managers who could still receive clients in this proposal. */
  eligibleCount: number;
  /** Clients going to someone who already has a voice with them (de-starring continuity). */
  known?: number;
}

/** A distribution without its table: what a tap on Apply, Cancel or Undo needs (no counting over its items). */
export type DistributionHeader = Pick<ProposalView, "distributionId" | "teamId" | "handoverId" | "status" | "leaver">;

export type ProposeResult =
  | { ok: true; view: ProposalView }
  | { ok: false; reason: "handover_not_found" | "handover_not_active" | "nothing_to_distribute" };

export interface OwnerBrief {
  memberId: number;
  name: string;
  telegramId: number | null;
  reachability: Reachability;
  count: number;
}

export interface NoticeClient {
  id: number;
  name: string;
  company: string | null;
  phones: string[];
  email: string | null;
  temperature: Temperature;
  nextContactOn: string | null;
  commitments: { kind: string; text: string; dueOn: string | null }[];
}

/** What a new owner is told after an apply: their clients, those with commitments or deadlines first. */
export interface AppliedNotice {
  distributionId: number;
  teamId: number;
  handoverId: number | null;
  owner: OwnerBrief;
  /** The leaver's name; null when the clients came from the pool. */
  fromName: string | null;
  clients: NoticeClient[];
}

export interface UndoneNotice {
  distributionId: number;
  teamId: number;
  owner: OwnerBrief;
  fromName: string | null;
}

/** Writes the messages to new owners into the outbox, inside the deciding transaction. */
export interface DistributionNotifier {
  applied(tx: DbOrTx, notice: AppliedNotice, now: Date): void;
  undone(tx: DbOrTx, notice: UndoneNotice, now: Date): void;
}

export type ApplyResult =
  | {
      kind: "applied";
      distributionId: number;
      handoverId: number | null;
      moved: number;
      /** Clients of the scope nobody received: now in the pool. */
      toPool: number;
      owners: OwnerBrief[];
      /** New owners the bot cannot write to: the lead must tell them. */
      unreachable: OwnerBrief[];
      stepDone: boolean;
      /** Active handovers whose clients this moved (its own, and those its pool clients came from): refresh their checklists. */
      handoverIds: number[];
    }
  | { kind: "not_found" }
  | { kind: "not_proposed"; status: DistributionStatus }
  | { kind: "handover_not_active" }
  | { kind: "stale" }
  | { kind: "empty" }
  /** Another distribution of the team is being applied right now. */
  | { kind: "busy" };

export type UndoResult =
  | { kind: "undone"; distributionId: number; handoverId: number | null; returned: number; owners: OwnerBrief[]; handoverIds: number[] }
  | { kind: "not_found" }
  | { kind: "not_applied"; status: DistributionStatus }
  | { kind: "calls_recorded" }
  | { kind: "handover_cancelled" };

export type AdjustResult =
  | { ok: true; moved: number }
  | { ok: false; reason: "not_found" | "not_proposed" | "bad_manager" | "same_manager" | "too_many" | "bad_client" | "last_manager" };


export interface Distribution {
  id: number;
  teamId: number;
  handoverId: number | null;
  status: DistributionStatus;
  createdAt: number;
}

/** What the distribution reads of a handover (through handover/'s getHandover). */
export type HandoverRow = Pick<Handover, "id" | "teamId" | "leaverId" | "status">;

export interface ApplyInput {
  distributionId: number;
  teamId: number;
  actorId: number;
  now: Date;
}
