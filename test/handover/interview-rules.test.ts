import { describe, expect, it } from "vitest";
import { findDate, guessKind, matchClients, parseInterviewLine, type HandoverClient } from "../../src/handover/interview.js";

const ref = { now: new Date("2026-11-23T09:00:00+03:00"), timezone: "Europe/Moscow" };

describe("reading an interview line", () => {
  it("splits client and commitment and finds the date at the end", () => {
    expect(parseInterviewLine("Иванов — договор до 30.11", ref)).toEqual({ clientQuery: "Иванов", text: "договор до 30.11", dueOn: "2026-11-30", kind: "deadline" });
    expect(parseInterviewLine("Петрова: перезвонить 2 декабря", ref)).toEqual({ clientQuery: "Петрова", text: "перезвонить 2 декабря", dueOn: "2026-12-02", kind: "promise" });
    expect(parseInterviewLine("«Ромашка» - срок сдачи тендера в пятницу", ref)).toMatchObject({ clientQuery: "Ромашка", dueOn: "2026-11-27", kind: "deadline" });
    expect(parseInterviewLine("Петрова-Водкина — выслать счёт", ref)).toMatchObject({ clientQuery: "Петрова-Водкина", text: "выслать счёт", dueOn: null, kind: "document" });
    expect(parseInterviewLine("Smith: send the contract by 1.12.2026.", ref)).toMatchObject({ clientQuery: "Smith", dueOn: "2026-12-01", kind: "document" });
  });

  it("refuses lines without a client part or a commitment", () => {
    expect(parseInterviewLine("договор до 30.11", ref)).toBeNull();
    expect(parseInterviewLine("Иванов —", ref)).toBeNull();
    expect(parseInterviewLine("И — х", ref)).toBeNull();
  });

  it("guesses the kind from the words", () => {
    expect(guessKind("подписать акт")).toBe("document");
    expect(guessKind("КП до пятницы")).toBe("document");
    expect(guessKind("дедлайн по смете")).toBe("deadline");
    expect(guessKind("обещал скидку 5%")).toBe("promise");
  });

  it("does not take a number inside the text for a date", () => {
    expect(findDate("скидка 5 процентов", ref)).toBeNull();
  });
});

describe("matching a typed name to the leaver's clients", () => {
  const list: HandoverClient[] = [
    { id: 1, name: "Иванов Пётр", company: "ООО Ромашка", temperature: "hot", ownerId: 2 },
    { id: 2, name: "Иванова Ольга", company: null, temperature: "warm", ownerId: 2 },
    { id: 3, name: "Петрова Анна", company: "Лютик", temperature: "cold", ownerId: 2 },
    { id: 4, name: "Семёнов", company: null, temperature: "cold", ownerId: 2 },
  ];
  it("finds by a word start in the name or company, ignoring case and ё", () => {
    expect(matchClients(list, "петрова").map((c) => c.id)).toEqual([3]);
    expect(matchClients(list, "ромашка").map((c) => c.id)).toEqual([1]);
    expect(matchClients(list, "семенов").map((c) => c.id)).toEqual([4]);
    expect(matchClients(list, "Иванов").map((c) => c.id)).toEqual([1, 2]);
    expect(matchClients(list, "иванов петр").map((c) => c.id)).toEqual([1]);
    expect(matchClients(list, "Сидоров")).toEqual([]);
  });
  it("prefers an exact full name", () => {
    expect(matchClients([...list, { id: 5, name: "Иванов", company: null, temperature: "hot", ownerId: 2 }], "иванов").map((c) => c.id)).toEqual([5]);
  });
});
