// What the clients capability tells people through the outbox: members a confirmed import gave someone
// else's clients hear about it, as they do when a lead changes an owner on the client card, one message
// each (a name-only member has no chat and hears nothing).
import { InlineKeyboard } from "grammy";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clients, members } from "../db/schema.js";
import { enqueue } from "../outbox/outbox.js";
import { translator, type Translations } from "../platform/locale.js";
import { localeOfUser } from "../team/member-locale.js";
import type { MovedClients } from "./import-apply.js";
import { cb } from "./keyboards.js";

/** Names listed in one message; the rest are counted (all of them are in /clients). */
const NAMES_SHOWN = 10;

export function noticeImportOwners(
  db: Db,
  texts: Translations,
  input: { teamId: number; movedTo: MovedClients; actorMemberId: number; fileName: string; batchKey: string; now: Date },
): number {
  const owners = [...input.movedTo.keys()].filter((id) => id !== input.actorMemberId);
  if (owners.length === 0) return 0;
  const people = db.select({ id: members.id, telegramId: members.telegramId }).from(members).where(inArray(members.id, owners)).all();
  let sent = 0;
  for (const person of people) {
    if (person.telegramId === null) continue;
    const ids = input.movedTo.get(person.id)!;
    const t = translator(texts, localeOfUser(db, person.telegramId));
    const named = db.select({ id: clients.id, name: clients.name }).from(clients).where(inArray(clients.id, ids.slice(0, NAMES_SHOWN))).all();
    const byId = new Map(named.map((c) => [c.id, c.name]));
    const names = ids.slice(0, NAMES_SHOWN).map((id) => byId.get(id) ?? "?").join(", ");
    const single = ids.length === 1;
    const text = single
      ? t("import-moved-one", { file: input.fileName, name: byId.get(ids[0]!) ?? "?" })
      : t("import-moved-many", { file: input.fileName, count: ids.length, names, more: Math.max(0, ids.length - NAMES_SHOWN) });
    enqueue(
      db,
      {
        chatId: person.telegramId,
        teamId: input.teamId,
        memberId: person.id,
        kind: "client_assigned",
        dedupeKey: `import_moved:${input.batchKey}:${person.id}`,
        text,
        ...(single ? { replyMarkup: new InlineKeyboard().text(t("client-button-open"), cb.card(ids[0]!, { page: 0 })) } : {}),
      },
      input.now,
    );
    sent++;
  }
  return sent;
}
