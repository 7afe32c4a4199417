import { describe, expect, it } from "vitest";
import { readCommitment } from "../../src/clients/commitment-text.js";
import { classifyCommitment } from "../../src/clients/import/commitment-kind.js";

// Sunday 2026-12-06, 12:00 in Moscow.
const ref = { now: new Date("2026-12-06T09:00:00Z"), timezone: "Europe/Moscow" };

describe("the kind of a commitment, from its words", () => {
  it.each([
    ["обещали бесплатную доставку", false, "promise"],
    ["прислать КП и счёт", false, "document"],
    ["договор до 30.11", true, "deadline"],
    ["Ждёт документы", false, "document"],
    ["паспорт", false, "document"],
    ["обещал КП", false, "document"],
    ["прислать договор до 30.11", true, "document"],
    ["срок оплаты 15.12", true, "deadline"],
    ["перезвонить 2 декабря", true, "promise"],
    ["promised free delivery", false, "promise"],
    ["send the invoice", false, "document"],
    ["contract by 30.11", true, "deadline"],
    ["tender deadline", false, "deadline"],
  ] as const)("%s → %s", (text, hasDate, kind) => {
    expect(classifyCommitment(text, hasDate)).toBe(kind);
  });
});

describe("reading a typed commitment", () => {
  it.each([
    ["обещали бесплатную доставку", { kind: "promise", text: "обещали бесплатную доставку", dueOn: null }],
    ["прислать КП и счёт", { kind: "document", text: "прислать КП и счёт", dueOn: null }],
    ["договор до 30.12", { kind: "deadline", text: "договор", dueOn: "2026-12-30" }],
    ["прислать КП к пятнице", { kind: "document", text: "прислать КП", dueOn: "2026-12-11" }],
    ["send the invoice by Friday", { kind: "document", text: "send the invoice", dueOn: "2026-12-11" }],
    ["обещали скидку до конца месяца", { kind: "promise", text: "обещали скидку", dueOn: "2026-12-31" }],
    ["до конца месяца подписать договор", { kind: "deadline", text: "подписать договор", dueOn: "2026-12-31" }],
    ["договор до 30.12 подписать", { kind: "deadline", text: "договор подписать", dueOn: "2026-12-30" }],
    ["обновить до версии 2.10", { kind: "promise", text: "обновить до версии 2.10", dueOn: null }],
  ] as const)("%s", (typed, expected) => {
    expect(readCommitment(typed, ref)).toEqual(expected);
  });
});
