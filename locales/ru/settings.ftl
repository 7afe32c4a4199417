# /settings: the team's limits, campaign and calendar, and the managers' part in distributions.

menu-settings = Настройки команды

settings-title = ⚙️ <b>Настройки команды «{ $team }»</b>
settings-distribution = <b>Распределение клиентов</b>
    • Лимит клиентов на менеджера: { $capHtml }
    • Исключены из распределения: { $excluded }, с неполным весом: { $partTime } (кнопка «Менеджеры»)
settings-no-cap = нет
settings-calls = <b>Обзвон после ухода менеджера</b>
    • Рабочих дней на обзвон: { $days }
    • Звонков на менеджера в день: не больше { $calls }
settings-time = <b>Время</b>
    • Рабочие дни: { $days }
    • Рабочие часы: { $start }:00–{ $end }:00
    • Список звонков на день приходит в { $digest }:00
    • О сроках клиентов напоминаю за { $window } ч
settings-weekly = <b>Картинка недели</b> (открытые передачи, руководителям в понедельник): { $on ->
    [yes] включена
   *[no] выключена
}
settings-hint = Что поменять? Числа можно вписать после нажатия кнопки.

settings-days-title = Рабочие дни команды: { $days }. Нажмите на день, чтобы включить или выключить его.
settings-day-1 = пн
settings-day-2 = вт
settings-day-3 = ср
settings-day-4 = чт
settings-day-5 = пт
settings-day-6 = сб
settings-day-7 = вс
settings-last-day = Хотя бы один день должен остаться рабочим.

settings-managers-title = <b>Менеджеры в распределении</b>
    Вес — доля клиентов при распределении: 1 — полная ставка, 0.5 — половина. Исключённые не получают новых клиентов.
settings-managers-none = В команде пока нет менеджеров.
settings-managers-more = Показаны не все: ещё { $count }.
settings-manager-line = • { $nameHtml } — вес { $weight }{ $excluded ->
    [yes] , ⛔ не получает клиентов
   *[no] {""}
}{ $departing ->
    [yes] , увольняется
   *[no] {""}
}
settings-manager-hint = Выберите вес или впишите свой; исключение действует на все следующие распределения.
settings-toast-excluded = { $name } больше не получает клиентов при распределении.
settings-toast-included = { $name } снова участвует в распределении.

settings-btn-cap = Лимит на менеджера
settings-btn-no-cap = Убрать лимит
settings-btn-calls = Звонков в день
settings-btn-days = Дней на обзвон
settings-btn-digest = Час списка звонков
settings-btn-working-days = Рабочие дни
settings-btn-hours = Рабочие часы
settings-btn-window = Напоминать о сроках
settings-btn-managers = Менеджеры
settings-btn-weekly-off = 🖼 Выключить картинку недели
settings-btn-weekly-on = 🖼 Включить картинку недели
settings-btn-back = ← Назад
settings-btn-back-managers = ← К менеджерам
settings-btn-other-weight = Другой вес…
settings-btn-exclude = ⛔ Исключить из распределения
settings-btn-include = ✅ Вернуть в распределение
settings-btn-quit = ✖️ Не менять

settings-ask-managerCap = Сколько клиентов может быть у одного менеджера? Напишите число от { $min } до { $max } или «нет», чтобы убрать лимит. При распределении я предупрежу, если кто-то его превысит.
settings-ask-maxCallsPerDay = Сколько звонков обзвона давать менеджеру в день? Число от { $min } до { $max }.
settings-ask-campaignDays = За сколько рабочих дней обзвонить всех клиентов ушедшего? Число от { $min } до { $max }.
settings-ask-digestHour = В котором часу присылать список звонков на день? Число от { $min } до { $max }, например 9 или 09:00.
settings-ask-workingHours = Рабочие часы команды? Например, 9-19 или 10:00–18:00.
settings-ask-deadlineWindowHours = За сколько часов напоминать о сроках клиентов? Число от { $min } до { $max }.
settings-ask-weight = { $name }: какой вес в распределении? Число от { $min } до { $max }, например 0.5 или 0,75.
settings-invalid-managerCap = Нужно целое число от { $min } до { $max } или «нет». Напишите ещё раз.
settings-invalid-maxCallsPerDay = Нужно целое число от { $min } до { $max }. Напишите ещё раз.
settings-invalid-campaignDays = Нужно целое число от { $min } до { $max }. Напишите ещё раз.
settings-invalid-digestHour = Нужен час от { $min } до { $max }, например 9 или 09:00. Напишите ещё раз.
settings-invalid-workingHours = Не понял часы. Напишите начало и конец дня через дефис, например 9-19; начало раньше конца.
settings-invalid-deadlineWindowHours = Нужно целое число часов от { $min } до { $max }. Напишите ещё раз.
settings-invalid-weight = Нужно число от { $min } до { $max }, например 0.5. Напишите ещё раз.
settings-type-or-quit = Напишите значение или нажмите «Не менять».
settings-saved = ✅ Сохранено.
settings-unchanged = Хорошо, оставляю как было.
settings-gone = Это больше нельзя изменить: откройте /settings заново.
