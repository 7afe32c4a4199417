# Distribution: the fair split of a leaver's base or of the unassigned pool, its table, apply and undo.

## The table

dist-table-title-handover = <b>Распределение клиентов: { $leaver }</b>
    Всего { $count } { $count ->
        [one] клиент
        [few] клиента
       *[many] клиентов
    }. Я поделил их поровну по температуре с учётом текущей нагрузки, клиентов одной компании оставил у одного менеджера, ближайшие контакты и сроки тоже разнёс.
dist-table-title-pool = <b>Распределение общего пула</b>
    Без ответственного { $count } { $count ->
        [one] клиент
        [few] клиента
       *[many] клиентов
    }. Я поделил их поровну по температуре с учётом текущей нагрузки, клиентов одной компании оставил у одного менеджера.
dist-table-with-commitments = Из них с открытыми обещаниями и сроками: { $count }.
dist-col-manager = Менеджер
dist-col-hot = +гор
dist-col-warm = +тёп
dist-col-cold = +хол
dist-col-total = итого
dist-table-more-rows = …и ещё { $count }
dist-table-over-cap = ⚠️ { $name }: будет { $total } { $total ->
        [one] клиент
        [few] клиента
       *[many] клиентов
    } — больше лимита { $cap } на менеджера.
dist-table-unassigned = Без нового ответственного останется { $count } { $count ->
        [one] клиент
        [few] клиента
       *[many] клиентов
    } — они будут ждать в общем пуле (/distribute).
dist-table-excluded = Не участвуют в этом распределении: { $names }.
dist-table-no-managers = В команде нет других активных менеджеров, которым можно передать клиентов. Вы можете взять их себе — как непосредственный руководитель, принимающий дела лично.
dist-table-footer = «итого» — сколько клиентов будет у менеджера после передачи. «Применить» передаёт всех одной операцией; отменить можно, пока никто не отметил звонок по этим клиентам.
dist-stale-note = 🔄 Пока вы смотрели, клиенты или менеджеры изменились. Вот обновлённое предложение — проверьте и примените ещё раз.

dist-btn-apply = ✅ Применить
dist-btn-adjust = ✏️ Изменить
dist-btn-mine = 🙋 Возьму себе
dist-btn-cancel = ✖️ Отмена
dist-btn-undo = ↩️ Отменить распределение
dist-btn-move-many = Перенести N клиентов
dist-btn-move-one = Перенести одного клиента
dist-btn-exclude = Исключить менеджера
dist-btn-back = ← К таблице
dist-btn-dialog-quit = ✖️ Не менять

## Adjusting

dist-adjust-hint = Что поменять?
dist-exclude-ask = Кого не включать в это распределение? Его клиенты достанутся остальным. (Исключить насовсем — в /settings.)
dist-exclude-nobody = Исключать некого: в распределении нет менеджеров.
dist-too-many-buttons = Показаны не все: ещё { $count } — перенесите их клиентов по одному.
dist-toast-excluded = { $name } не участвует в этом распределении.
dist-ask-from = У кого забрать клиентов?
dist-ask-to = Кому их передать? (Забираем у: { $name })
dist-ask-to-one = Кому передать клиента «{ $client }»? Сейчас предложен: { $current }.
dist-ask-count = Сколько клиентов перенести ({ $from } → { $to })? Напишите число от 1 до { $max }.
dist-ask-count-invalid = Нужно число от 1 до { $max }. Напишите его цифрами, например 5.
dist-ask-pick-button = Выберите кнопкой из списка или нажмите «Не менять».
dist-ask-search = Напишите часть имени, названия компании или телефона клиента.
dist-search-none = По запросу «{ $query }» в этом распределении никого не нашёл. Попробуйте иначе — например, часть фамилии или последние цифры телефона.
dist-search-found = Нашёл: { $count }. Выберите клиента или напишите другой запрос.
dist-search-many = Нашёл { $count } — показываю первые { $shown }. Выберите клиента или уточните запрос.
dist-moved-many = ✏️ Перенёс { $count } { $count ->
        [one] клиент
        [few] клиента
       *[many] клиентов
    }: { $from } → { $to }.
dist-moved-one = ✏️ Ответственный за «{ $client }» — { $to }.
dist-adjust-quit = Хорошо, ничего не меняю.
dist-adjust-closed = Это предложение уже не действует (применено или отменено). Новое — кнопкой в чек-листе или командой /distribute.
dist-adjust-failed = Не получилось: менеджеры или клиенты изменились. Вот актуальная таблица.
dist-adjust-nothing-to-move = Переносить некому: в распределении только один менеджер.

## Apply, take over, cancel, undo

dist-toast-applied = Готово!
dist-applied-handover = ✅ Готово: { $count ->
        [one] { $count } клиент ({ $leaver }) передан
        [few] { $count } клиента ({ $leaver }) переданы
       *[many] { $count } клиентов ({ $leaver }) переданы
    } { $owners ->
        [one] одному менеджеру
       *[other] { $owners } менеджерам
    }. Каждый получит в личные сообщения список своих новых клиентов — сначала тех, у кого сроки и обещания.
dist-applied-pool = ✅ Готово: { $count ->
        [one] { $count } клиент из общего пула передан
        [few] { $count } клиента из общего пула переданы
       *[many] { $count } клиентов из общего пула переданы
    } { $owners ->
        [one] одному менеджеру
       *[other] { $owners } менеджерам
    }. Каждый получит в личные сообщения список своих новых клиентов.
dist-applied-mine = ✅ Готово: { $count ->
        [one] { $count } клиент теперь ваш
        [few] { $count } клиента теперь ваши
       *[many] { $count } клиентов теперь ваши
    }. Список пришлю вам в личные сообщения.
dist-applied-unreachable = ⚠️ Не могу написать: { $names } — не открывали бота или заблокировали его. Сообщите им сами или перешлите ссылку-приглашение из /team.
dist-applied-to-pool = В общем пуле ждут нового ответственного: { $count } — /distribute.
dist-applied-calls = Запланировано звонков для реактивации: { $count }.
dist-applied-following-up = ⏳ Планирую звонки для реактивации и пишу новым ответственным…
dist-applied-step-done = Шаг «Распределить базу» в чек-листе выполнен.
dist-applied-undo-hint = Передумали? Распределение можно отменить одной кнопкой, пока никто не отметил звонок по этим клиентам.
dist-cancelled = Распределение отменено — ничего не изменилось, клиенты остались там, где были.
dist-undone = ↩️ Распределение отменено: { $count ->
        [one] { $count } клиент вернулся
        [few] { $count } клиента вернулись
       *[many] { $count } клиентов вернулись
    } в общий пул, новые ответственные предупреждены. Распределить заново — /distribute.
dist-toast-undone = Распределение отменено.
dist-toast-undo-refused = Отменить уже нельзя: по этим клиентам отмечены звонки. Переназначьте нужных клиентов по одному.
dist-toast-undo-handover-cancelled = Передача дел отменена, поэтому распределение уже не отменить: клиенты остаются у новых менеджеров. Вернуть клиента можно в его карточке («Сменить ответственного»).
dist-toast-already-applied = Уже применено.
dist-toast-already-undone = Уже отменено.
dist-toast-not-open = Это предложение уже не действует.
dist-toast-applying = Распределение как раз применяется — подождите несколько секунд.
dist-toast-busy = Сейчас применяется другое распределение команды. Попробуйте через несколько секунд.
dist-toast-apply-interrupted = Распределение остановилось на полпути из-за ошибки. Уже переданные клиенты остаются у новых ответственных; остальное я доделаю сам в ближайшие минуты.
dist-toast-stale = Клиенты изменились, пока вы смотрели. Я пересчитал распределение — проверьте и примените ещё раз.
dist-nothing-left = Распределять больше нечего: у всех клиентов уже есть ответственные.
dist-toast-empty = Передать некому: в распределении нет менеджеров. Возьмите клиентов себе или отмените.
dist-toast-handover-closed = Эта передача дел уже закрыта или отменена.
dist-toast-handover-nothing = У уходящего не осталось клиентов — распределять нечего.
dist-pool-empty = В общем пуле нет клиентов без ответственного — распределять нечего.

## Direct messages to new owners

dist-dm-received = 📥 Вам { $count ->
    [one] передан { $count } клиент
    [few] переданы { $count } клиента
   *[many] передано { $count } клиентов
}. Прежний менеджер: { $fromName }.
dist-dm-received-pool = 📥 Вам { $count ->
    [one] передан { $count } клиент
    [few] переданы { $count } клиента
   *[many] передано { $count } клиентов
} из общего пула.
dist-dm-urgent-title = <b>Сначала — со сроками и обещаниями:</b>
dist-dm-rest-title = <b>Остальные:</b>
dist-dm-due = <b>до { $date }:</b>
dist-dm-kind = { $kind ->
    [document] 📄 документ
    [deadline] ⏰ срок
   *[promise] 🤝 обещание
}
dist-csv-kind = { $kind ->
    [document] документ
    [deadline] срок
   *[promise] обещание
}
dist-dm-more-commitments = (и ещё { $count })
dist-dm-next-contact = контакт { $date }
dist-dm-more = …и ещё { $count }. Полный список — в файле ниже.
dist-dm-footer = Позвоните каждому: звонки появятся в вашем списке на день (/today).
dist-dm-csv-caption = Полный список ваших новых клиентов: { $count }.
dist-dm-undone = ↩️ Руководитель отменил передачу: { $count ->
        [one] { $count } клиент (прежний менеджер — { $fromName }) больше не ваш и вернулся
        [few] { $count } клиента (прежний менеджер — { $fromName }) больше не ваши и вернулись
       *[many] { $count } клиентов (прежний менеджер — { $fromName }) больше не ваши и вернулись
    } в общий пул. Звонить им не нужно.
dist-dm-undone-pool = ↩️ Руководитель отменил передачу: { $count ->
        [one] { $count } клиент из общего пула больше не ваш
        [few] { $count } клиента из общего пула больше не ваши
       *[many] { $count } клиентов из общего пула больше не ваши
    }. Звонить им не нужно.

dist-csv-file-name = новые-клиенты-{ $id }
dist-csv-name = Клиент
dist-csv-company = Компания
dist-csv-phones = Телефоны
dist-csv-email = Email
dist-csv-temperature = Температура
dist-csv-next = Следующий контакт
dist-csv-commitments = Обещания и сроки
dist-csv-previous = Прежний менеджер
dist-temperature-hot = горячий
dist-temperature-warm = тёплый
dist-temperature-cold = холодный
