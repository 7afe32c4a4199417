import { describe, expect, it } from "vitest";
import { isNearMiss, mayBeSamePerson, nameSkeleton, namesCompatible } from "../../../src/clients/import/name-skeleton.js";

describe("name skeletons", () => {
  it.each([
    ["Анна Кузнецова", "Anna Kuznetsova"],
    ["Анна Кузнецова", "Кузнецова Анна"],
    ["Анна Кузнецова", "АННА КУЗНЕЦОВА"],
    ["Анна Кузнецова", "KUZNECOVA ANNA"], // GOST 7.79 A / ISO 9
    ["Юлия Щербакова", "Iuliia Shcherbakova"], // passport since 2013
    ["Юлия Щербакова", "Yuliya Shherbakova"], // GOST 7.79 B
    ["Юлия Щербакова", "Yulia Scherbakova"], // informal
    ["Юлия Щербакова", "Julija Ŝerbakova"], // ISO 9
    ["Дмитрий Андреев", "Dmitriy Andreyev"],
    ["Дмитрий Андреев", "Dmitry Andreev"],
    ["Дмитрий Андреев", "Dmitrii Andreev"],
    ["Фёдор Аксёнов", "Fyodor Aksyonov"],
    ["Фёдор Аксёнов", "Fedor Aksenov"],
    ["Михаил Хабибуллин", "Mikhail Khabibullin"],
    ["Михаил Хабибуллин", "Mihail Habibulin"],
    ["Наталья Жукова", "Natalia Zhukova"],
    ["Наталья Жукова", "Natal'ya Žukova"],
    ["Мария Иванова", "Mariia Ivanova"],
    ["Ксения Цветкова", "Kseniya Tsvetkova"],
    ["Ксения Цветкова", "Ksenia Cvetkova"],
    ["Сергей Чернов", "Sergei Chernov"],
    ["Сергей Чернов", "Sergey Tchernov"],
    ["Иванов", "Ivanov"],
  ])("%s = %s", (a, b) => {
    expect(nameSkeleton(a)).toBe(nameSkeleton(b));
  });

  it("keeps different people apart", () => {
    expect(nameSkeleton("Мария Иванова")).not.toBe(nameSkeleton("Марина Иванова"));
    expect(namesCompatible("Иванов Иван", "Петрова Мария")).toBe(false);
    expect(namesCompatible("Анна Ким", "Анна Кот")).toBe(false);
  });

  it("calls a typo a near miss, never a short or equal name", () => {
    expect(isNearMiss("Мария Иваноа", "Мария Иванова")).toBe(true);
    expect(isNearMiss("Maria Ivanva", "Мария Иванова")).toBe(true);
    expect(isNearMiss("Мария Иванова", "Mariya Ivanova")).toBe(false);
    expect(isNearMiss("Ким", "Кот")).toBe(false);
    expect(isNearMiss("Пётр Новиков", "Мария Иванова")).toBe(false);
  });

  it("treats a shorter or initialled name at one contact as the same person", () => {
    expect(namesCompatible("Иванов", "Ivanov Ivan")).toBe(true);
    expect(namesCompatible("Иванов И.", "Иванов Иван")).toBe(true);
    expect(namesCompatible("Иван Петров", "Petrov Ivan")).toBe(true);
  });

  it("may be the same person (to ask about): a name missing a word, or written by ear", () => {
    expect(mayBeSamePerson("Борис Семёнов", "Борис")).toBe(true);
    expect(mayBeSamePerson("Семёнов", "Борис Семёнов")).toBe(true);
    expect(mayBeSamePerson("Семёнов Б.", "Boris Semenov")).toBe(true);
    expect(mayBeSamePerson("Джон Смит", "John Smith")).toBe(true);
    expect(mayBeSamePerson("Мария Иваноа", "Мария Иванова")).toBe(true);
    expect(mayBeSamePerson("Борис Ким", "Борис Семёнов")).toBe(false);
    expect(mayBeSamePerson("Ким", "Кот")).toBe(false);
    expect(mayBeSamePerson("Б.", "Борис Семёнов")).toBe(false);
  });
});
