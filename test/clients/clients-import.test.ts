import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { clientEvents, clients, commitments, members } from "../../src/db/schema.js";
import { applyImport } from "../../src/clients/import-apply.js";
import type { ImportRow } from "../../src/clients/import-summary.js";
import { cancelImportBatch, confirmImportBatch, forgetRecentImports, previewImport } from "../../src/clients/import-batches.js";
import { adoptNameOnlyMember } from "../../src/team/name-only-members.js";
import { createTeam, getTeam, joinTeam } from "../../src/team/teams.js";
import { seedClients, seedNameOnlyMember } from "../support/seed.js";

const now = new Date("2026-11-23T06:00:00Z");
let db: Db;
let teamId: number;
let leadId: number;
let borisId: number;
let veraId: number;

function row(n: number, fields: Partial<ImportRow> & { name: string }): ImportRow {
  return {
    rowNumber: n,
    company: null,
    phones: [],
    email: null,
    externalId: null,
    owner: null,
    temperature: "warm",
    lastContactOn: null,
    nextContactOn: null,
    notes: null,
    commitments: [],
    ...fields,
  };
}

const count = (table: typeof clients | typeof commitments | typeof clientEvents | typeof members) => db.select().from(table).all().length;

beforeEach(() => {
  db = openDatabase(":memory:");
  const { team, member } = createTeam(db, { name: "Отдел", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
  teamId = team.id;
  leadId = member.id;
  const boris = joinTeam(db, { team, role: "manager", person: { telegramId: 200, name: "Борис Семёнов", username: "boris_s" }, now });
  const vera = joinTeam(db, { team, role: "manager", person: { telegramId: 300, name: "Вера" }, now });
  if (!boris.ok || !vera.ok) throw new Error("join failed");
  borisId = boris.member.id;
  veraId = vera.member.id;
});
afterEach(() => closeDatabase(db));

describe("owner matching", () => {
  it("matches by name ignoring case, ё/е and word order, by @username and by Telegram id", () => {
    const rows = [
      row(2, { name: "A", owner: "борис семенов" }),
      row(3, { name: "B", owner: "Семёнов  Борис" }),
      row(4, { name: "C", owner: "@BORIS_S" }),
      row(5, { name: "D", owner: "300" }),
      row(6, { name: "E", owner: "boris_s" }),
    ];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    expect(result.ok).toBe(true);
    const owners = db.select({ name: clients.name, ownerId: clients.ownerId }).from(clients).all();
    expect(owners).toEqual([
      { name: "A", ownerId: borisId },
      { name: "B", ownerId: borisId },
      { name: "C", ownerId: borisId },
      { name: "D", ownerId: veraId },
      { name: "E", ownerId: borisId },
    ]);
    expect(count(members)).toBe(3);
  });

  it("adds one name-only member per unknown name and rejects unknown Telegram ids", () => {
    const rows = [
      row(2, { name: "A", owner: "Пётр Сидоров" }),
      row(3, { name: "B", owner: "петр сидоров" }),
      row(4, { name: "C", owner: "987654321" }),
    ];
    const all = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    expect(all.ok).toBe(false);
    expect(count(clients)).toBe(0);
    expect(count(members)).toBe(3);

    const valid = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "valid_only", now });
    if (!valid.ok) throw new Error("expected ok");
    expect(valid.summary.unknownOwners).toEqual([{ name: "Пётр Сидоров", rows: [2, 3], count: 2 }]);
    expect(valid.summary.problems).toEqual([{ rowNumber: 4, code: "owner_unknown_id", value: "987654321" }]);
    const petr = db.select().from(members).where(eq(members.name, "Пётр Сидоров")).all();
    expect(petr).toHaveLength(1);
    expect(petr[0]).toMatchObject({ telegramId: null, role: "manager", status: "active", teamId });
    expect(db.select().from(clients).all().map((c) => c.ownerId)).toEqual([petr[0]!.id, petr[0]!.id]);
  });

  it("never gives clients to someone departing or gone: new ones wait unassigned, existing ones stay", () => {
    db.update(members).set({ status: "departing" }).where(eq(members.id, borisId)).run();
    const [existing] = seedClients(db, teamId, [{ name: "Old", ownerId: veraId, phones: ["+79160000001"] }], now.getTime());
    const rows = [row(2, { name: "New", owner: "Борис Семёнов" }), row(3, { name: "Old", owner: "Борис Семёнов", phones: ["+79160000001"] })];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary.inactiveOwners).toEqual([{ memberId: borisId, name: "Борис Семёнов", count: 2 }]);
    const fresh = db.select().from(clients).where(eq(clients.name, "New")).get()!;
    expect(fresh.ownerId).toBeNull();
    expect(fresh.unassignedSince).toBe(now.getTime());
    expect(db.select().from(clients).where(eq(clients.id, existing!)).get()!.ownerId).toBe(veraId);
  });
});

describe("matching existing clients", () => {
  it("matches by external id, then any phone, then e-mail, and never duplicates on re-import", () => {
    const rows = [
      row(2, { name: "Ext", externalId: "crm-1", phones: ["+79160000001"] }),
      row(3, { name: "Phone", phones: ["+79160000002", "+79160000003"] }),
      row(4, { name: "Mail", email: "a@b.ru" }),
    ];
    applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    expect(count(clients)).toBe(3);
    const again = [
      row(2, { name: "Ext renamed", externalId: "crm-1" }),
      row(3, { name: "Phone", phones: ["+79160000003"] }),
      row(4, { name: "Mail", email: "a@b.ru", temperature: "hot" }),
    ];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows: again, mode: "all", now, presentFields: ["name", "email", "phones", "externalId", "temperature"] });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    expect(count(clients)).toBe(3);
    const byName = Object.fromEntries(db.select().from(clients).all().map((c) => [c.name, c]));
    expect(byName["Ext renamed"]!.phones).toEqual(["+79160000001"]);
    expect(byName["Mail"]!.temperature).toBe("hot");
    expect(db.select().from(clientEvents).where(eq(clientEvents.kind, "updated")).all()).toHaveLength(2);
  });

  it("keeps a missing column's value: no temperature column means the temperature stays", () => {
    applyImport(db, { teamId, actorMemberId: leadId, rows: [row(2, { name: "A", phones: ["+79160000001"], temperature: "hot" })], mode: "all", now });
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows: [row(2, { name: "A", phones: ["+79160000001"] })], mode: "all", now, presentFields: ["name", "phones"] });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary.unchanged).toBe(1);
    expect(db.select().from(clients).get()!.temperature).toBe("hot");
  });

  it("treats two different external ids as two clients even with a shared office phone", () => {
    const rows = [row(2, { name: "A", externalId: "1", phones: ["+74950000000"] }), row(3, { name: "B", externalId: "2", phones: ["+74950000000"] })];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary.created).toBe(2);
  });

  it("keeps rows of one file apart: the parser merges real repeats, colleagues may share a phone", () => {
    const rows = [row(2, { name: "Иван", phones: ["+74950000000"] }), row(3, { name: "Пётр", phones: ["+74950000000"] })];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary).toMatchObject({ created: 2, merged: 0 });
  });

  it("does not rename a client twice when two colleagues in the file share its switchboard number", () => {
    seedClients(db, teamId, [{ name: "Иван", ownerId: veraId, phones: ["+74950000000"] }], now.getTime());
    const rows = [row(2, { name: "Иван", phones: ["+74950000000"], email: "ivan@firm.ru" }), row(3, { name: "Пётр", phones: ["+74950000000"] })];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary).toMatchObject({ created: 1, updated: 1 });
    expect(db.select({ name: clients.name, email: clients.email }).from(clients).all()).toEqual([
      { name: "Иван", email: "ivan@firm.ru" },
      { name: "Пётр", email: null },
    ]);
  });

  it("moves an existing client to the owner named in the file and remembers the previous owner", () => {
    const [id] = seedClients(db, teamId, [{ name: "A", ownerId: borisId, phones: ["+79160000001"] }], now.getTime());
    applyImport(db, { teamId, actorMemberId: leadId, rows: [row(2, { name: "A", phones: ["+79160000001"], owner: "Вера" })], mode: "all", now });
    const c = db.select().from(clients).where(eq(clients.id, id!)).get()!;
    expect(c).toMatchObject({ ownerId: veraId, previousOwnerId: borisId });
    const event = db.select().from(clientEvents).where(eq(clientEvents.clientId, id!)).get()!;
    expect(event.details).toMatchObject({ fromOwnerId: borisId, toOwnerId: veraId, fields: ["owner"] });
  });
});

describe("commitments", () => {
  it("become records owned by the client's owner, and are not repeated on re-import", () => {
    const rows = [
      row(2, {
        name: "A",
        phones: ["+79160000001"],
        owner: "Вера",
        commitments: [
          { kind: "promise", text: "скидка 5%", dueOn: "2026-11-30" },
          { kind: "document", text: "акт сверки", dueOn: null },
        ],
      }),
    ];
    applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    const list = db.select().from(commitments).all();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ ownerId: veraId, kind: "promise", text: "скидка 5%", dueOn: "2026-11-30", status: "open" });
  });
});

describe("a manager's own import", () => {
  it("forces the owner to the manager and refuses rows naming someone else or someone else's client", () => {
    seedClients(db, teamId, [{ name: "Chужой", ownerId: veraId, phones: ["+79160000009"] }], now.getTime());
    const rows = [
      row(2, { name: "Mine" }),
      row(3, { name: "Mine too", owner: "Борис Семёнов" }),
      row(4, { name: "Vera's", owner: "Вера" }),
      row(5, { name: "Taken", phones: ["+79160000009"] }),
    ];
    const all = applyImport(db, { teamId, actorMemberId: borisId, rows, mode: "all", now });
    expect(all.ok).toBe(false);
    expect(count(clients)).toBe(1);
    const valid = applyImport(db, { teamId, actorMemberId: borisId, rows, mode: "valid_only", now });
    if (!valid.ok) throw new Error("expected ok");
    expect(valid.summary.problems).toEqual([
      { rowNumber: 4, code: "owner_not_you", value: "Вера" },
      { rowNumber: 5, code: "not_your_client" },
    ]);
    expect(db.select({ name: clients.name, ownerId: clients.ownerId }).from(clients).all()).toEqual([
      { name: "Chужой", ownerId: veraId },
      { name: "Mine", ownerId: borisId },
      { name: "Mine too", ownerId: borisId },
    ]);
  });
});

describe("all or nothing", () => {
  it("rolls everything back when a write fails half-way", () => {
    const rows = [row(2, { name: "A", owner: "Новый Человек" }), row(3, { name: null as unknown as string })];
    expect(() => applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now })).toThrow();
    expect(count(clients)).toBe(0);
    expect(count(clientEvents)).toBe(0);
    expect(count(members)).toBe(3);
  });
});

describe("batches", () => {
  const parsed = (rows: ImportRow[]) => ({ rows, rejected: [], warnings: [], presentFields: ["name", "phones"], totalRows: rows.length });

  it("previews without writing, applies once, and only for its creator or a lead", () => {
    const preview = previewImport(db, { teamId, actorMemberId: borisId, fileName: "x.csv", parsed: parsed([row(2, { name: "A" })]), now });
    expect(preview.summary.created).toBe(1);
    expect(count(clients)).toBe(0);
    const vera = { memberId: veraId, teamId, role: "manager" as const };
    expect(confirmImportBatch(db, { batchId: preview.batchId, actor: vera, mode: "all", now })).toEqual({ ok: false, reason: "forbidden" });
    expect(cancelImportBatch(db, { batchId: preview.batchId, actor: vera })).toBe("forbidden");
    const lead = { memberId: leadId, teamId, role: "lead" as const };
    const first = confirmImportBatch(db, { batchId: preview.batchId, actor: lead, mode: "all", now });
    expect(first.ok).toBe(true);
    // The creator's rules apply even when a lead confirms: the client is Boris's.
    expect(db.select().from(clients).get()!.ownerId).toBe(borisId);
    expect(confirmImportBatch(db, { batchId: preview.batchId, actor: lead, mode: "all", now })).toEqual({ ok: false, reason: "applied" });
    expect(count(clients)).toBe(1);
  });

  it("re-plans when the base changed after the preview", () => {
    const preview = previewImport(db, { teamId, actorMemberId: leadId, fileName: "x.csv", parsed: parsed([row(2, { name: "A", phones: ["+79160000001"] })]), now });
    seedClients(db, teamId, [{ name: "B (added meanwhile)", ownerId: null, phones: ["+79160000001"] }], now.getTime());
    const result = confirmImportBatch(db, { batchId: preview.batchId, actor: { memberId: leadId, teamId, role: "lead" }, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.changedSincePreview).toBe(true);
    expect(result.summary).toMatchObject({ created: 0, updated: 1 });
    expect(count(clients)).toBe(1);
  });

  it("refuses a batch of another team", () => {
    const other = createTeam(db, { name: "Другой", timezone: "Europe/Moscow", founder: { telegramId: 900, name: "Ольга" }, now });
    const preview = previewImport(db, { teamId, actorMemberId: leadId, fileName: "x.csv", parsed: parsed([row(2, { name: "A" })]), now });
    const result = confirmImportBatch(db, { batchId: preview.batchId, actor: { memberId: other.member.id, teamId: other.team.id, role: "lead" }, mode: "all", now });
    expect(result).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("the stored batch", () => {
  it("comes back intact from the database after a restart, block after block", () => {
    const rows = Array.from({ length: 2500 }, (_, i) =>
      row(i + 2, {
        name: `Клиент «${i}» <b>&</b>\nвторая строка`,
        phones: [`+7916${String(1000000 + i)}`],
        owner: i % 2 ? "Вера" : "Незнакомец Ёжиков",
        notes: i === 7 ? "примечание; с \"кавычками\"\r\nи переводом строки" : null,
        commitments: i % 100 === 0 ? [{ kind: "deadline", text: "тендер", dueOn: "2026-12-01" }] : [],
      }),
    );
    const preview = previewImport(db, { teamId, actorMemberId: leadId, fileName: "big.csv", parsed: { rows, rejected: [], warnings: [], presentFields: ["name"], totalRows: rows.length }, now });
    forgetRecentImports(db); // as after a restart: the rows must come from the stored payload
    const result = confirmImportBatch(db, { batchId: preview.batchId, actor: { memberId: leadId, teamId, role: "lead" }, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.changedSincePreview).toBe(false);
    expect(result.summary).toMatchObject({ created: 2500, commitments: 25 });
    expect(result.summary.unknownOwners).toEqual([{ name: "Незнакомец Ёжиков", rows: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20], count: 1250 }]);
    const stored = db.select().from(clients).all();
    expect(stored).toHaveLength(2500);
    expect(stored[7]).toMatchObject({ name: "Клиент «7» <b>&</b>\nвторая строка", notes: "примечание; с \"кавычками\"\r\nи переводом строки", phones: ["+79161000007"] });
    expect(stored[2499]!.ownerId).toBe(veraId);
    expect(db.select().from(commitments).all()).toHaveLength(25);
    // Rows with a commitment are drafts among plain rows: each commitment is on the client of its own row.
    const nameOf = new Map(stored.map((c) => [c.id, c.name]));
    expect(db.select().from(commitments).all().map((c) => nameOf.get(c.clientId)!.split("\n")[0])).toEqual(
      Array.from({ length: 25 }, (_, k) => `Клиент «${k * 100}» <b>&</b>`),
    );
  });
});

describe("matching without contacts, and Excel's formula guard", () => {
  it("finds a client without any contact by name and company", () => {
    seedClients(db, teamId, [{ name: "Ольга Ким", ownerId: veraId, company: "ИП Ким" }], now.getTime());
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows: [row(2, { name: "ким ольга", company: "ип ким", notes: "новое" })], mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary).toMatchObject({ created: 0, updated: 1 });
    expect(count(clients)).toBe(1);
  });

  it("reads '=..., '+..., '-... (how our export guards against formulas) as the text after the apostrophe", () => {
    seedClients(db, teamId, [{ name: "Иван", ownerId: veraId, phones: ["+79160000001"], notes: "=СУММ(A1)", company: "-минус" }], now.getTime());
    const rows = [row(2, { name: "Иван", phones: ["+79160000001"], notes: "'=СУММ(A1)", company: "'-минус" })];
    const result = applyImport(db, { teamId, actorMemberId: leadId, rows, mode: "all", now });
    if (!result.ok) throw new Error("expected ok");
    expect(result.summary.unchanged).toBe(1);
    const fresh = applyImport(db, { teamId, actorMemberId: leadId, rows: [row(3, { name: "'=Пётр", notes: "'обычный апостроф" })], mode: "all", now });
    if (!fresh.ok) throw new Error("expected ok");
    expect(db.select().from(clients).where(eq(clients.name, "=Пётр")).get()!.notes).toBe("'обычный апостроф");
  });
});

describe("name-only members joining", () => {
  it("a newcomer with the same name takes over the name-only member and its clients", () => {
    const nameOnly = seedNameOnlyMember(db, teamId, "Сидоров Пётр");
    seedClients(db, teamId, [{ name: "A", ownerId: nameOnly }], now.getTime());
    const team = getTeam(db, teamId)!;
    const joined = joinTeam(db, { team, role: "manager", person: { telegramId: 400, name: "Петр Сидоров" }, now });
    if (!joined.ok) throw new Error("join failed");
    expect(joined.member.id).toBe(nameOnly);
    expect(joined.member).toMatchObject({ telegramId: 400, reachability: "ok", name: "Сидоров Пётр" });
    expect(db.select().from(members).where(eq(members.telegramId, 400)).all()).toHaveLength(1);
  });

  it("two namesakes are left alone for a lead to decide", () => {
    seedNameOnlyMember(db, teamId, "Иван");
    seedNameOnlyMember(db, teamId, "иван");
    const newcomer = db.insert(members).values({ teamId, telegramId: 500, name: "Иван", role: "manager", createdAt: 0 }).returning().get();
    expect(adoptNameOnlyMember(db, newcomer).id).toBe(newcomer.id);
  });
});
