// The team's clients as a table for the CRM: current and previous owner, contacts, open commitments.
// Column names and cells are ones our own import understands, so an export can be re-imported without
// duplicates.
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client.js";
import { clients, members, type CommitmentKind, type Temperature } from "../db/schema.js";
import { openCommitmentsOfTeam, type Commitment } from "./commitments.js";

export interface ExportLabels {
  headers: {
    name: string;
    company: string;
    phones: string;
    email: string;
    externalId: string;
    owner: string;
    previousOwner: string;
    temperature: string;
    lastContact: string;
    nextContact: string;
    notes: string;
    promise: string;
    document: string;
    deadline: string;
  };
  temperature: Record<Temperature, string>;
  /** "до" / "by": how a due date is attached to a commitment's text («договор до 25.11.2026»). */
  dueConnector: string;
}

export function exportTable(db: Db, teamId: number, labels: ExportLabels): { headers: string[]; rows: (string | null)[][] } {
  const previous = alias(members, "previous_owner");
  const list = db
    .select({ client: clients, owner: members.name, previousOwner: previous.name })
    .from(clients)
    .leftJoin(members, eq(members.id, clients.ownerId))
    .leftJoin(previous, eq(previous.id, clients.previousOwnerId))
    .where(eq(clients.teamId, teamId))
    .orderBy(clients.id)
    .all();
  const byClient = new Map<number, Commitment[]>();
  for (const c of openCommitmentsOfTeam(db, teamId)) {
    const items = byClient.get(c.clientId) ?? [];
    items.push(c);
    byClient.set(c.clientId, items);
  }
  const h = labels.headers;
  const headers = [h.name, h.company, h.phones, h.email, h.externalId, h.owner, h.previousOwner, h.temperature, h.lastContact, h.nextContact, h.notes, h.promise, h.document, h.deadline];
  const commitmentsOf = (clientId: number, kind: CommitmentKind) =>
    commitmentCell(
      (byClient.get(clientId) ?? [])
        .filter((c) => c.kind === kind)
        .map((c) => (c.dueOn ? `${c.text} ${labels.dueConnector} ${dayText(c.dueOn)}` : c.text)),
    );
  const rows = list.map(({ client: c, owner, previousOwner }) => [
    c.name,
    c.company,
    c.phones.join(", ") || null,
    c.email,
    c.externalId,
    owner,
    previousOwner,
    labels.temperature[c.temperature],
    c.lastContactOn ? dayText(c.lastContactOn) : null,
    c.nextContactOn ? dayText(c.nextContactOn) : null,
    c.notes,
    commitmentsOf(c.id, "promise"),
    commitmentsOf(c.id, "document"),
    commitmentsOf(c.id, "deadline"),
  ]);
  return { headers, rows };
}

/**
 * The import splits a plain cell on ";" (hand-made cells list items so) and reads a bulleted one line by line
 * (parse-commitments.ts). So one item without ";" is written as it is, anything else as «• item» lines: a
 * commitment like «скидка 5%; доставка бесплатно» comes back whole.
 */
function commitmentCell(items: string[]): string | null {
  if (items.length === 0) return null;
  if (items.length === 1 && !/[;\r\n]/.test(items[0]!)) return items[0]!;
  return items.map((text) => `• ${text.replace(/\s*[\r\n]+\s*/g, " ")}`).join("\n");
}

/** 'YYYY-MM-DD' -> 'DD.MM.YYYY', what Russian Excel shows and our import reads back. */
function dayText(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}
