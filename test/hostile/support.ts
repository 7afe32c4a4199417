// Shared tools of the hostile-input suite: a database snapshot to prove "nothing changed", a checker that
// every text the bot sent is HTML Telegram would accept, and a two-team world to attack.
import { createHash } from "node:crypto";
import { expect } from "vitest";
import type { Db } from "../../src/db/client.js";
import type { ApiCall } from "../support/fake-telegram.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment } from "../support/seed.js";
import type { Ids } from "./buttons.js";

/**
 * Tables that change on any update by design: who wrote to the bot (users), dialogue state, the outbox.
 * audit_log is NOT here: a refused action must not leave an audit entry either.
 */
const VOLATILE = new Set(["users", "conversation_state", "dialogue_focus", "received_updates", "notifications", "__drizzle_migrations", "sqlite_sequence"]);

export type Snapshot = Record<string, { rows: number; hash: string }>;

/** Row count and a hash of every row of every table (except the volatile ones and `ignore`). */
export function snapshot(db: Db, ignore: string[] = []): Snapshot {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Snapshot = {};
  for (const { name } of tables) {
    if (VOLATILE.has(name) || ignore.includes(name)) continue;
    const rows = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    out[name] = { rows: rows.length, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16) };
  }
  return out;
}

/** Row counts only, for readable failure messages next to the hash comparison. */
export function counts(s: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.rows]));
}

export function expectUnchanged(db: Db, before: Snapshot, ignore: string[] = []): void {
  const after = snapshot(db, ignore);
  const filtered = Object.fromEntries(Object.entries(before).filter(([k]) => !ignore.includes(k)));
  expect(counts(after)).toEqual(counts(filtered));
  expect(after).toEqual(filtered);
}

// --- Telegram HTML ----------------------------------------------------------------------------------

/** Tags Telegram's HTML parse mode accepts. */
const ALLOWED_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "tg-spoiler", "span", "blockquote", "tg-emoji"]);

/**
 * Problems Telegram would answer with 400 "can't parse entities" (or a silently wrong message): unknown
 * tags, a `<` of user text left unescaped, unbalanced tags, a bare `&`, text over 4096 characters.
 * Returns a list of problems; empty means fine.
 */
export function htmlProblems(html: string, limit = 4096): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let visible = "";
  const tagRe = /<\/?([a-zA-Z][\w-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>/y;
  for (let i = 0; i < html.length; ) {
    const ch = html[i]!;
    if (ch === "<") {
      tagRe.lastIndex = i;
      const m = tagRe.exec(html);
      const name = m?.[1]?.toLowerCase();
      if (!m || !name || !ALLOWED_TAGS.has(name)) {
        problems.push(`raw "<" at ${i}: ${JSON.stringify(html.slice(i, i + 30))}`);
        i += 1;
        continue;
      }
      if (m[0].startsWith("</")) {
        if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${i}`);
      } else {
        if (name === "a" && !/\shref=/.test(m[2] ?? "")) problems.push(`<a> without href at ${i}`);
        stack.push(name);
      }
      i += m[0].length;
      continue;
    }
    if (ch === "&") {
      const ent = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i, i + 12));
      if (!ent) problems.push(`bare "&" at ${i}: ${JSON.stringify(html.slice(i, i + 20))}`);
      else {
        visible += "x";
        i += ent[0].length;
        continue;
      }
    }
    if (ch === ">") problems.push(`raw ">" at ${i}`);
    visible += ch;
    i += 1;
  }
  if (stack.length) problems.push(`unclosed tags: ${stack.join(", ")}`);
  // Half an emoji (a lone UTF-16 surrogate, e.g. from cutting a string) is not valid UTF-8 for Telegram.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(html)) problems.push("a lone surrogate (half an emoji)");
  if (visible.trim().length === 0) problems.push("empty text");
  if (visible.length > limit) problems.push(`text of ${visible.length} characters (limit ${limit})`);
  return problems;
}

/**
 * Every text and caption the bot sent or edited, checked as Telegram would; callback data checked
 * against the 64-byte limit. Returns "<method>: <problem>" strings; empty means all fine.
 */
export function telegramPayloadProblems(calls: ApiCall[]): string[] {
  const out: string[] = [];
  for (const call of calls) {
    const p = call.payload;
    for (const field of ["text", "caption"] as const) {
      const value = p[field];
      if (value === undefined) continue;
      if (call.method === "answerCallbackQuery") {
        if (String(value).length > 200) out.push(`${call.method}: toast of ${String(value).length} characters`);
        continue;
      }
      if (p.parse_mode !== "HTML") {
        out.push(`${call.method}: ${field} sent without parse_mode HTML`);
        continue;
      }
      for (const problem of htmlProblems(String(value), field === "caption" ? 1024 : 4096)) out.push(`${call.method}: ${problem}`);
    }
    const rows = (p.reply_markup as { inline_keyboard?: { callback_data?: string; text: string }[][] } | undefined)?.inline_keyboard ?? [];
    for (const b of rows.flat()) {
      if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64) out.push(`${call.method}: callback_data over 64 bytes: ${b.callback_data}`);
      if (b.text.length === 0) out.push(`${call.method}: a button without a label`);
    }
  }
  return out;
}

/** The invariants of every hostile case: no error logs, every message valid for Telegram. */
export function expectCleanRun(h: Harness, fromCall = 0): void {
  expect(h.errors()).toEqual([]);
  expect(telegramPayloadProblems(h.calls().slice(fromCall))).toEqual([]);
}

/** Names of team 2 and its people and client: none may ever show up in team 1's chats. */
export const OTHER_TEAM_WORDS = ["Чужой клиент", "Чужое обещание", "Глеб", "Фёдор", "Пётр", "Другая"];

/** Names of team 1's people, clients and promises: team 2 and strangers must never see them. */
export const TEAM_ONE_WORDS = ["Иван Петров", "Мария Сидорова", "Олег Ким", "Выслать договор", "Борис", "Вера", "Анна", "Отдел продаж", "Новый клиент"];

/** What the bot said to a persona (texts and toasts) after call index `from`. */
export function saidTo(h: Harness, who: Persona | number, from = 0): string {
  const chatId = typeof who === "number" ? who : who.id;
  const calls = h.calls().slice(from);
  const texts = calls
    .filter((c) => Number(c.payload.chat_id) === chatId && (c.payload.text !== undefined || c.payload.caption !== undefined))
    .map((c) => String(c.payload.text ?? c.payload.caption));
  return texts.join("\n---\n");
}

// --- A world to attack --------------------------------------------------------------------------------

export const LEAD_A = 100;
export const MANAGER_B = 200;
export const MANAGER_C = 300;
export const LEAD_OTHER = 500;
export const MANAGER_OTHER = 600;
export const MANAGER_OTHER_2 = 700;
export const STRANGER = 900;

export interface World {
  h: Harness;
  lead: Persona;
  boris: Persona;
  vera: Persona;
  otherLead: Persona;
  otherManager: Persona;
  otherManager2: Persona;
  stranger: Persona;
  /** Team 1's clients: Boris owns the first two, Vera the third. */
  clientIds: number[];
  /** Team 2's client. */
  otherClientId: number;
}

/**
 * Two teams in one bot: team 1 «Отдел продаж» (lead Анна 100, managers Борис 200 and Вера 300, three
 * clients) and team 2 «Другая» (lead Глеб 500, managers Пётр 600 and Фёдор 700, one client).
 */
export async function createWorld(now = "2026-11-23T09:00:00+03:00"): Promise<World> {
  const h = await createHarness({ now });
  const lead = await h.createTeam(LEAD_A);
  const boris = await h.join(MANAGER_B, "manager", { first_name: "Борис" });
  const vera = await h.join(MANAGER_C, "manager", { first_name: "Вера" });
  const otherLead = await h.createTeam(LEAD_OTHER, "Другая", { first_name: "Глеб" });
  const otherManager = await h.join(MANAGER_OTHER, "manager", { first_name: "Пётр" }, 2);
  const otherManager2 = await h.join(MANAGER_OTHER_2, "manager", { first_name: "Фёдор" }, 2);
  const stranger = h.user(STRANGER, { first_name: "Чужой" });
  const nowMs = h.clock.now().getTime();
  const b = memberIdOf(h.db, MANAGER_B);
  const v = memberIdOf(h.db, MANAGER_C);
  const clientIds = seedClients(
    h.db,
    1,
    [
      { name: "Иван Петров", ownerId: b, temperature: "hot", phones: ["+79161234567"], nextContactOn: "2026-11-25" },
      { name: "Мария Сидорова", ownerId: b, temperature: "warm", phones: ["+79161234568"] },
      { name: "Олег Ким", ownerId: v, temperature: "cold", phones: ["+79161234569"] },
    ],
    nowMs,
  );
  seedCommitment(h.db, { teamId: 1, clientId: clientIds[0]!, ownerId: b, text: "Выслать договор", dueOn: "2026-11-26" });
  const petr = memberIdOf(h.db, MANAGER_OTHER);
  const [otherClientId] = seedClients(h.db, 2, [{ name: "Чужой клиент", ownerId: petr, temperature: "hot", phones: ["+79990000001"] }], nowMs);
  seedCommitment(h.db, { teamId: 2, clientId: otherClientId!, ownerId: petr, text: "Чужое обещание", dueOn: "2026-11-27" });
  return { h, lead, boris, vera, otherLead, otherManager, otherManager2, stranger, clientIds, otherClientId: otherClientId! };
}

export interface RichWorld extends World {
  /** Ids of team 1 (Boris's own client and call) and of team 2, for forging buttons. */
  own: Ids;
  other: Ids;
}

async function offboardAndDistribute(lead: Persona, leaver: string): Promise<void> {
  await lead.send("/offboard");
  await lead.tapButton(leaver);
  await lead.tapButton("Со скандалом");
  await lead.send("27.11");
  await lead.tapButton("Начать передачу");
  await lead.tapButton(/^4\. /);
  await lead.tapButton("Распределить");
  await lead.tapButton("Применить");
}

const one = (h: Harness, sql: string, ...params: unknown[]) => String((h.db.$client.prepare(sql).get(...params) as { id: number }).id);

/**
 * Both teams in the middle of everything, built through the bot: Vera (team 1) and Пётр (team 2) leaving
 * on bad terms with checklists posted and their clients distributed (reactivation calls for Boris and
 * Фёдор), an import preview waiting in each team, and the screens opened once.
 */
export async function createRichWorld(): Promise<RichWorld> {
  const w = await createWorld();
  const { h, lead, boris, otherLead } = w;
  await offboardAndDistribute(lead, "Вера");
  await offboardAndDistribute(otherLead, "Пётр");
  await lead.sendDocument("new.csv", Buffer.from("ФИО;Телефон\r\nНовый клиент;+7 916 000-00-01\r\n"));
  await otherLead.sendDocument("other.csv", Buffer.from("ФИО;Телефон\r\nЧужой новый;+7 916 000-00-02\r\n"));
  await lead.send("/settings");
  await lead.send("/offboard template");
  await otherLead.send("/offboard template");
  await lead.send("/script");
  await lead.send("/status");
  await lead.send("/clients");
  await boris.send("/today");
  await boris.send("/clients");
  await boris.tap(`call:log:${w.clientIds[0]}`);
  await h.drainOutbox();
  const idsOf = (teamId: number, manager: number, manager2: number, clientId: number): Ids => {
    const handover = one(h, "SELECT id FROM handovers WHERE team_id = ?", teamId);
    return {
      handover,
      step: one(h, "SELECT id FROM checklist_steps WHERE handover_id = ? AND status = 'open' ORDER BY position", handover),
      client: String(clientId),
      member: String(manager),
      member2: String(manager2),
      call: one(h, "SELECT id FROM calls WHERE team_id = ?", teamId),
      distribution: one(h, "SELECT id FROM distributions WHERE team_id = ?", teamId),
      batch: one(h, "SELECT id FROM import_batches WHERE team_id = ?", teamId),
      templateStep: one(h, "SELECT id FROM checklist_template_steps WHERE team_id = ? ORDER BY position DESC", teamId),
      commitment: one(h, "SELECT id FROM commitments WHERE team_id = ?", teamId),
    };
  };
  const borisId = memberIdOf(h.db, MANAGER_B);
  const own = idsOf(1, borisId, memberIdOf(h.db, MANAGER_C), Number(one(h, "SELECT client_id AS id FROM calls WHERE team_id = 1")));
  const other = idsOf(2, memberIdOf(h.db, MANAGER_OTHER_2), memberIdOf(h.db, MANAGER_OTHER), w.otherClientId);
  return { ...w, own, other };
}
