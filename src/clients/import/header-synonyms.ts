// Header text -> client field. Headers are compared after normalising case, spaces, punctuation and
// ё/е, so «E-mail», «e mail» and «Email» are one key. Names cover hand-made sheets plus amoCRM/Kommo
// and Bitrix24 exports (whose columns look like «Рабочий телефон (контакт)», «Примечание 2»).
import type { CommitmentKind } from "./types.js";

type Role =
  /** Lower rank wins: a full-name column beats «Контакт», which beats «Имя». */
  | { field: "name"; rank: number }
  | { field: "middleName" | "lastName" }
  /** «Название»: the client's name when there is no person column, otherwise the company. */
  | { field: "title" }
  | { field: "company" }
  | { field: "phones" }
  | { field: "email" }
  | { field: "externalId" }
  | { field: "owner" }
  /** Other people of the team who dealt with the client (de-starring: voices), names comma-separated. */
  | { field: "voices" }
  | { field: "temperature"; rank: number }
  | { field: "lastContactOn" }
  | { field: "nextContactOn" }
  | { field: "notes" }
  | { field: "commitments"; kind: CommitmentKind };

const SYNONYMS = new Map<string, Role>();

function add(role: Role, headers: string[]): void {
  for (const h of headers) SYNONYMS.set(normaliseHeader(h), role);
}

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/ё/g, "е").replace(NOT_ALNUM, "");
}
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const PARENTHESES = /\([^)]*\)|\[[^\]]*\]/g;
const TRAILING_DIGITS = /\d+$/;

add({ field: "name", rank: 1 }, [
  "ФИО", "Полное имя", "Полное имя контакта", "ФИО клиента", "ФИО контакта", "Фамилия Имя Отчество",
  "Имя Фамилия", "Фамилия Имя", "Имя клиента", "Имя контакта", "Контактное лицо",
  "Full name", "Contact name", "Contact full name", "Contact person", "Client name", "Customer name",
]);
add({ field: "name", rank: 2 }, ["Контакт", "Клиент", "Покупатель", "Заказчик", "Contact", "Client", "Customer"]);
add({ field: "name", rank: 3 }, ["Имя", "Name", "First name"]);
add({ field: "lastName" }, ["Фамилия", "Last name", "Surname"]);
add({ field: "middleName" }, ["Отчество", "Middle name", "Second name"]);
add({ field: "title" }, ["Название", "Наименование", "Название клиента", "Наименование клиента", "Title"]);
add({ field: "company" }, [
  "Компания", "Название компании", "Наименование компании", "Организация", "Наименование организации",
  "Компания контакта", "Контрагент", "Юрлицо", "Юр. лицо", "Фирма",
  "Company", "Company name", "Organization", "Organisation", "Account", "Account name",
]);
add({ field: "phones" }, [
  "Телефон", "Телефоны", "Рабочий телефон", "Мобильный телефон", "Домашний телефон", "Другой телефон",
  "Рабочий прямой телефон", "Мобильный", "Сотовый", "Тел", "Тел.", "Номер телефона",
  "Phone", "Phones", "Work phone", "Work direct phone", "Mobile", "Mobile phone", "Home phone", "Other phone",
  "Tel", "Telephone", "Phone number",
]);
add({ field: "email" }, [
  "Email", "E-mail", "Эл. почта", "Электронная почта", "Почта", "Рабочий email", "Личный email",
  "Частный email", "Другой email", "Work email", "Personal email", "Other email", "Mail",
]);
add({ field: "externalId" }, [
  "ID", "Внешний ID", "CRM ID", "Код", "Код клиента", "Идентификатор", "ID клиента", "ID контакта",
  "External ID", "Client ID", "Contact ID",
]);
add({ field: "owner" }, [
  "Ответственный", "Ответственный менеджер", "Ответственный пользователь", "Ответственный сотрудник",
  "Менеджер", "Менеджер клиента", "Куратор",
  "Owner", "Responsible", "Responsible user", "Manager", "Account manager", "Sales manager", "Assigned to",
]);
add({ field: "voices" }, [
  "Второй менеджер", "Вторые менеджеры", "Кто ещё вёл", "Кто еще вел", "Кто ещё работал", "Другие менеджеры",
  "Ещё менеджеры", "Также вели", "Соисполнители", "Наблюдатели",
  "Other managers", "Second manager", "Secondary manager", "Also handled by", "Co-owners", "Co-owner", "Team members", "Watchers",
]);
add({ field: "temperature", rank: 1 }, ["Температура", "Температура клиента", "Temperature"]);
add({ field: "temperature", rank: 2 }, ["Этап", "Этап сделки", "Стадия", "Стадия сделки", "Stage", "Deal stage", "Lead stage"]);
add({ field: "temperature", rank: 3 }, ["Статус", "Статус сделки", "Статус клиента", "Status", "Lead status"]);
add({ field: "lastContactOn" }, [
  "Дата последнего контакта", "Последний контакт", "Дата последнего звонка", "Последний звонок",
  "Last contact", "Last contact date", "Last contacted", "Last call",
]);
add({ field: "nextContactOn" }, [
  "Дата следующего контакта", "Следующий контакт", "Дата следующего звонка", "Следующий звонок",
  "Дата перезвона", "Next contact", "Next contact date", "Next call",
]);
add({ field: "notes" }, [
  "Примечание", "Примечания", "Комментарий", "Комментарии", "Заметки", "Заметка", "Описание",
  "Notes", "Note", "Comment", "Comments", "Description", "Remarks",
]);
add({ field: "commitments", kind: "promise" }, [
  "Обещания", "Обещание", "Договорённости", "Договорённость", "Commitments", "Commitment", "Promises", "Agreements",
]);
add({ field: "commitments", kind: "document" }, [
  "Долги по документам", "Долг по документам", "Документы", "Documents owed", "Documents", "Document debts",
]);
add({ field: "commitments", kind: "deadline" }, ["Сроки", "Срок", "Дедлайны", "Дедлайн", "Deadlines", "Deadline"]);

/** Exact synonym first, then without «(контакт)»-style suffixes and «Примечание 2»-style numbers. */
function roleOf(header: string): Role | null {
  const key = normaliseHeader(header);
  if (key === "") return null;
  const exact = SYNONYMS.get(key) ?? SYNONYMS.get(key.replace(TRAILING_DIGITS, ""));
  if (exact) return exact;
  const bare = normaliseHeader(header.replace(PARENTHESES, " "));
  const loose = SYNONYMS.get(bare) ?? SYNONYMS.get(bare.replace(TRAILING_DIGITS, ""));
  if (loose) return loose;
  // CRMs invent phone and e-mail column names freely («Телефон для рассылок», «Email (рабочий)»).
  if (key.includes("факс") || key.includes("fax")) return null;
  if (key.includes("телефон") || key.includes("phone")) return { field: "phones" };
  if (key.includes("email") || key.includes("почта")) return { field: "email" };
  return null;
}

export interface ColumnPlan {
  /** Columns joined with a space to form the name: one full-name column, or first/middle/last. */
  name: number[];
  company: number | null;
  phones: number[];
  emails: number[];
  externalId: number | null;
  owner: number | null;
  voices: number | null;
  temperature: number | null;
  lastContactOn: number | null;
  nextContactOn: number | null;
  notes: number[];
  commitments: { index: number; kind: CommitmentKind }[];
  /** field -> header(s) as seen, for showing the user what was understood. */
  columns: Record<string, string>;
  /** How many columns were understood at all (used to tell a header row from a title row). */
  matched: number;
}

export function planColumns(headers: readonly string[]): ColumnPlan {
  const plan: ColumnPlan = {
    name: [], company: null, phones: [], emails: [], externalId: null, owner: null, voices: null, temperature: null,
    lastContactOn: null, nextContactOn: null, notes: [], commitments: [], columns: {}, matched: 0,
  };
  let bestName: { index: number; rank: number } | null = null;
  let bestTemperature: { index: number; rank: number } | null = null;
  let title: number | null = null;
  let first: number | null = null;
  let middle: number | null = null;
  let last: number | null = null;

  for (let index = 0; index < headers.length; index++) {
    const role = roleOf(headers[index]!);
    if (!role) continue;
    plan.matched++;
    switch (role.field) {
      case "name":
        if (role.rank === 3) first ??= index;
        if (!bestName || role.rank < bestName.rank) bestName = { index, rank: role.rank };
        break;
      case "middleName":
        middle ??= index;
        break;
      case "lastName":
        last ??= index;
        break;
      case "title":
        title ??= index;
        break;
      case "company":
        plan.company ??= index;
        break;
      case "phones":
        plan.phones.push(index);
        break;
      case "email":
        plan.emails.push(index);
        break;
      case "externalId":
        plan.externalId ??= index;
        break;
      case "owner":
        plan.owner ??= index;
        break;
      case "voices":
        plan.voices ??= index;
        break;
      case "temperature":
        if (!bestTemperature || role.rank < bestTemperature.rank) bestTemperature = { index, rank: role.rank };
        break;
      case "lastContactOn":
        plan.lastContactOn ??= index;
        break;
      case "nextContactOn":
        plan.nextContactOn ??= index;
        break;
      case "notes":
        plan.notes.push(index);
        break;
      case "commitments":
        plan.commitments.push({ index, kind: role.kind });
        break;
    }
  }

  const best = bestName;
  if (best && best.rank < 3) plan.name = [best.index];
  else if (last !== null) plan.name = [first, middle, last].filter((i): i is number => i !== null); // Bitrix24 splits names
  else if (best) plan.name = [best.index];
  if (plan.name.length === 0 && title !== null) plan.name = [title];
  else if (title !== null && plan.company === null) plan.company = title;
  plan.temperature = bestTemperature?.index ?? null;

  const describe = (indices: number[]): string => indices.map((i) => headers[i]!.trim()).join(", ");
  const single = (field: string, index: number | null): void => {
    if (index !== null) plan.columns[field] = describe([index]);
  };
  if (plan.name.length) plan.columns.name = describe(plan.name);
  single("company", plan.company);
  if (plan.phones.length) plan.columns.phones = describe(plan.phones);
  if (plan.emails.length) plan.columns.email = describe(plan.emails);
  single("externalId", plan.externalId);
  single("owner", plan.owner);
  single("voices", plan.voices);
  single("temperature", plan.temperature);
  single("lastContactOn", plan.lastContactOn);
  single("nextContactOn", plan.nextContactOn);
  if (plan.notes.length) plan.columns.notes = describe(plan.notes);
  if (plan.commitments.length) plan.columns.commitments = describe(plan.commitments.map((c) => c.index));
  return plan;
}
