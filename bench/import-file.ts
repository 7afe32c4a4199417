// The file a lead sends: 100,000 rows shaped like an amoCRM contacts export (Cyrillic names and companies,
// one or two phones, email, owner, status, notes), `;`-separated, in Windows-1251; and the same rows as XLSX.
import iconv from "iconv-lite";

export const OWNERS = ["Борис Семёнов", "Вера Лебедева", "Глеб Орлов", "Дина Щукина", "Евгений Ким"];
const FIRST = ["Александр", "Мария", "Дмитрий", "Елена", "Сергей", "Ольга", "Андрей", "Татьяна", "Игорь", "Наталья"];
const LAST = ["Иванов", "Смирнова", "Кузнецов", "Попова", "Васильев", "Петрова", "Соколов", "Михайлова", "Новиков", "Фёдорова"];
const STATUS = ["Горячий", "Тёплый", "Холодный", "Первичный контакт", "Переговоры"];

export const HEADER = ["ID", "Полное имя контакта", "Компания", "Рабочий телефон", "Мобильный телефон", "Рабочий email", "Ответственный", "Статус", "Примечание"];

export function rowsOf(count: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const d = String(1_000_000 + i).padStart(7, "0");
    const mobile = `+7 (916) ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
    const work = i % 3 === 0 ? `8 (495) ${d.slice(1, 4)}-${d.slice(4, 6)}-${d.slice(5)}` : "";
    rows.push([
      String(40_000_000 + i),
      `${LAST[i % 10]} ${FIRST[(i * 7) % 10]} ${i}`,
      i % 4 === 0 ? "" : `ООО «${LAST[(i * 3) % 10]} и партнёры ${i % 3000}»`,
      work,
      mobile,
      `client${i}@example.ru`,
      OWNERS[i % OWNERS.length]!,
      STATUS[i % STATUS.length]!,
      i % 5 === 0 ? `Звонил ${(i % 28) + 1}.11; просил КП & счёт <срочно>` : "",
    ]);
  }
  return rows;
}

const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csv1251(count: number): Buffer {
  const lines = [HEADER, ...rowsOf(count)].map((r) => r.map(csvCell).join(";"));
  return iconv.encode(lines.join("\r\n") + "\r\n", "win1251");
}
