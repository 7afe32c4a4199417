# /offboard: the dialogue, the checklist, the interview, the leaver's form, the summary.

## The /offboard dialogue

offboard-ask-who = Кто уходит? Выберите сотрудника (⏳ — передача дел уже идёт). Можно написать имя. Выйти — /cancel.
offboard-type-name = Если нужного человека нет среди кнопок, напишите его имя.
offboard-mark-lead = рук.
offboard-mark-name-only = по имени
offboard-who-unknown = Не нашёл в команде «{ $name }». Выберите кнопку или напишите имя так, как оно указано в /team.
offboard-who-ambiguous = Под «{ $name }» подходят несколько человек. Выберите нужного кнопкой.
offboard-who-gone = Этого сотрудника уже нет в команде. Выберите другого.
offboard-choose-button = Пожалуйста, выберите вариант кнопкой под сообщением.
offboard-nobody = В команде пока нет никого, кого можно было бы оформить на уход. Пригласите менеджеров — ссылка в /team.
offboard-self-only-lead = Вы — единственный руководитель команды. Чтобы оформить собственный уход, сначала пригласите второго руководителя (/invite): кто-то должен подтверждать шаги передачи.
offboard-already = Передача дел уже идёт: { $name }. Откройте её чек-лист кнопкой ниже или выберите другого сотрудника.
offboard-button-open-checklist = Открыть чек-лист
offboard-restarted = Начинаем заново.

offboard-ask-terms = Как уходит { $name }?
offboard-terms-good = 🤝 По-хорошему
offboard-terms-bad = ⚡️ Со скандалом
offboard-ask-last-day = { $name }: какой последний рабочий день? Нажмите кнопку или напишите дату: «25.11», «25.11.2026», «в пятницу», «завтра».
offboard-ask-last-day-again = Хорошо, напишите правильную дату последнего рабочего дня.
offboard-day-today = Сегодня
offboard-day-tomorrow = Завтра
offboard-day-unparsed = Не понял дату «{ $text }». Напишите, например, «25.11», «25.11.2026», «в пятницу» или «завтра».
offboard-day-past = { $date } — это уже прошло. Сотрудник уже ушёл в этот день?
offboard-day-past-yes = Да, { $date }
offboard-day-past-no = Нет, другая дата
offboard-day-too-far = { $date } — больше чем через год. Проверьте дату и напишите ещё раз.
offboard-group-reply-hint = (В группе отвечайте ответом (Reply) на это сообщение — иначе Telegram не покажет мне ваш текст.)

offboard-stake-title = <b>Что на кону: { $name }</b>
offboard-stake-terms = { $terms ->
    [bad] Уходит со скандалом
   *[good] Уходит по-хорошему
}, последний рабочий день — { $date }.
offboard-stake-no-clients = { $name }: клиентов в боте нет.
offboard-stake-clients = Клиентов: <b>{ $total }</b> — 🔥 горячих { $hot }, 🌤 тёплых { $warm }, ❄️ холодных { $cold }.
offboard-stake-no-commitments = Открытых договорённостей не записано.
offboard-stake-commitments = Открытых договорённостей: <b>{ $open }</b> — долгов по документам { $documents }, обещаний { $promises }, сроков клиентов { $deadlines }.
offboard-stake-soon = Сроки в ближайшие 7 дней ({ $count }):
offboard-stake-soon-line = • { $date } — { $client }: { $text }
offboard-stake-more = …и ещё { $count }.
offboard-stake-next-contacts = Следующих контактов в ближайшие 7 дней: { $count }.
offboard-stake-overdue-commitments = ⚠️ Уже просрочено договорённостей: <b>{ $count }</b>.
offboard-stake-overdue-contacts = ⚠️ Клиентов с просроченным следующим контактом: <b>{ $count }</b>.
offboard-note-self = Вы оформляете собственный уход: шаги будет подтверждать другой руководитель.
offboard-note-lead = { $name } — руководитель. До закрытия передачи доступ сохраняется, но подтверждать шаги своей передачи он не сможет.
offboard-note-only-manager = Других менеджеров в команде нет — передать клиентов некому. На шаге распределения нажмите «Возьму себе»: клиенты перейдут к вам.
offboard-note-no-clients = Шаги «Распределить базу» и «Обзвон» отметятся сами. Если клиенты есть в CRM, пришлите выгрузку — новые клиенты уходящего попадут в общий пул.
offboard-stake-confirm = Начать передачу дел? Сотрудник сразу будет отмечен как увольняющийся: новые клиенты ему больше не назначаются.
offboard-button-confirm = ✅ Начать передачу
offboard-button-abort = Отмена
offboard-aborted = Хорошо, передачу не начинаю. Ничего не сохранено.
offboard-checklist-not-posted = Передача создана, но отправить чек-лист не получилось. Откройте его через /offboard.

offboard-group-not-linked = Эта группа не привязана к вашей команде. Привяжите её командой /link или напишите /offboard мне в личку.
offboard-group-not-linked-toast = Группа не привязана к вашей команде.

offboard-list-title = Передачи дел в работе: { $count }.
offboard-list-line = • { $leaver } — { $barHtml }, последний день { $lastDay }
offboard-button-open = Открыть:
offboard-button-new = ➕ Новая передача
offboard-button-template = 🧩 Шаблон чек-листа

## The leaver's form (in the leaver's private chat)

offboard-form-invite =
    { $name }, руководитель ({ $lead }) просит вас помочь с передачей дел.

    Я покажу ваших клиентов по одному. По каждому напишите, что осталось открытым: обещания, документы, сроки (например, «обещал КП до пятницы»), или нажмите «Ничего открытого». Это займёт несколько минут и очень поможет коллегам.
offboard-form-button-start = ▶️ Начать
offboard-form-unavailable = Эта анкета больше не нужна: передача дел завершена или отменена. Спасибо!
offboard-form-unavailable-toast = Анкета больше не актуальна.
offboard-form-intro = Клиентов: { $count }. Начнём с горячих. Прервать можно в любой момент кнопкой «Завершить» — всё записанное сохранится.
offboard-form-client =
    <b>{ $index }/{ $total }. { $name }</b> — { $temperature ->
        [hot] 🔥 горячий
        [cold] ❄️ холодный
       *[warm] 🌤 тёплый
    }
    Что осталось открытым с этим клиентом? Напишите или нажмите кнопку.
offboard-form-button-nothing = Ничего открытого
offboard-form-button-skip = Пропустить
offboard-form-button-end = Завершить
offboard-form-button-next = Дальше ›
offboard-form-button-no-date = Без срока
offboard-form-type-or-tap = Напишите, что осталось открытым, или нажмите кнопку.
offboard-form-text-invalid = Напишите от 2 до { $max } символов.
offboard-form-ask-date = До какого числа? Напишите дату («30.11», «в пятницу») или нажмите «Без срока».
offboard-form-date-unparsed = Не понял дату «{ $text }». Напишите, например, «30.11» или «в пятницу», или нажмите «Без срока».
offboard-form-saved = Записал{ $hasDue ->
    [yes] , срок — { $due }
   *[no] {""}
}. Есть ещё что-то по этому клиенту? Напишите или нажмите «Дальше».
offboard-form-client-gone = Этого клиента уже нет в списке — пропускаю.
offboard-form-thanks = Спасибо! Руководитель получит сводку того, что вы записали.
offboard-form-no-clients = У вас нет клиентов в боте — заполнять нечего. Спасибо!
offboard-form-summary-title = 📝 <b>{ $leaver } заполнил(а) анкету передачи дел</b>
offboard-form-summary-counts = Просмотрено клиентов: { $reviewed } из { $total }; записано договорённостей: { $recorded }; «ничего открытого»: { $nothing }; пропущено: { $skipped }.
offboard-form-summary-line = • { $client }: { $text }{ $hasDue ->
    [yes] {" "}(до { $due })
   *[no] {""}
}

## The checklist message

checklist-title = 📋 <b>Передача дел: { $leaver }</b>
checklist-subtitle = { $terms ->
    [bad] Уходит со скандалом
   *[good] Уходит по-хорошему
} · последний рабочий день { $lastDay }
checklist-progress = Прогресс: { $barHtml }
checklist-closed = ✅ <b>Передача завершена</b> { $date }
checklist-cancelled = ✖️ <b>Передача отменена</b>
checklist-step-line = { $position }. { $title }
checklist-step-meta = 👤 { $responsible } · 📅 { $due }{ $overdue ->
    [yes] {" "}· ⚠️ просрочено
   *[no] {""}
}
checklist-step-skipped = пропущено: { $reason }
checklist-nobody = не назначен
checklist-auto-redistribute = отметится сам, когда клиенты распределены (у уходящего: { $owned }, в пуле: { $unassigned })
checklist-auto-reactivation-waiting = отметится сам, когда по всем клиентам пройдут звонки (звонки появятся после распределения)
checklist-auto-reactivation = отметится сам, когда все звонки завершены: { $done } из { $total }
checklist-auto-final = отметится сам, когда все шаги закрыты и ни один клиент не остался без ответственного
checklist-interview-recorded = 📝 записано договорённостей: { $count }
checklist-step-chosen = 👉 <b>Шаг { $position}</b>: { $title }
    Выберите действие.
checklist-choose-responsible = 👤 Кто отвечает за шаг { $position } «{ $title }»?
checklist-cancel-confirm = Отменить передачу дел? { $leaver } снова станет активным сотрудником и получит об этом сообщение. Записанные договорённости и история сохранятся; клиенты, уже переданные другим, останутся у новых менеджеров (вернуть их — «Отменить распределение» до отмены передачи), а звонки им «после передачи» отменятся.
checklist-moved = 📋 Чек-лист передачи дел ({ $leaver }) перенесён ниже.
checklist-name-only-mark = (по имени)

checklist-step-stop_routing = Остановить новые заявки и входящие звонки на уходящего (CRM и телефония)
checklist-step-revoke_access = Сменить пароли, закрыть доступы, запретить выгрузку базы из CRM, переадресовать почту и телефон
checklist-step-interview = Интервью: записать все открытые договорённости, обещания, долги по документам и сроки клиентов
checklist-step-redistribute = Распределить всю базу клиентов
checklist-step-reactivation = Обзвон каждого клиента новым менеджером
checklist-step-crm_update = Внести новых ответственных в CRM (файл /export)
checklist-step-final_check = Финальная проверка: ни один клиент не остался без ответственного
checklist-step-custom = Дополнительный шаг

checklist-short-stop_routing = Заявки и звонки
checklist-short-revoke_access = Доступы и пароли
checklist-short-interview = Интервью
checklist-short-redistribute = Распределение
checklist-short-reactivation = Обзвон
checklist-short-crm_update = Ответственные в CRM
checklist-short-final_check = Финальная проверка
checklist-short-custom = Шаг

checklist-button-done = ✅ Готово
checklist-button-skip = ⏭ Пропустить
checklist-button-responsible = 👤 Ответственный
checklist-button-due = 📅 Срок
checklist-button-back = « Назад
checklist-button-history = 📜 История
checklist-button-refresh = 🔄 Обновить
checklist-button-cancel = ✖️ Отменить передачу
checklist-button-cancel-yes = Да, отменить
checklist-button-cancel-no = « Нет
checklist-button-distribute = 📦 Распределить
checklist-button-interview = 📝 Записать договорённости
checklist-button-form = 📨 Отправить анкету уходящему
checklist-button-input-cancel = Отмена
checklist-button-interview-end = ✅ Готово, больше нет
checklist-button-interview-step-done = ✅ Отметить интервью выполненным
checklist-button-run-done = { $count ->
    [one] ✅ { $from } сделано
   *[other] ✅ { $from }–{ $to } сделаны
}
checklist-toast-run-done = Шаги отмечены выполненными.
checklist-interview-step-closed = ✅ Шаг «Интервью» в чек-листе выполнен.
checklist-button-commitment-remove = 🗑 Удалить

checklist-own-handover = Шаги своей передачи дел подтверждает другой руководитель.
checklist-toast-done = Шаг отмечен выполненным.
checklist-toast-responsible = Ответственный назначен.
checklist-toast-refreshed = Обновлено.
checklist-toast-cancelled = Передача отменена, сотрудник снова активен.
checklist-toast-closed = Все шаги закрыты — передача дел завершена! Сводка придёт вам в личку.
checklist-skipped = Шаг { $position } пропущен, причина записана.

checklist-refused-not_found = Этот шаг больше не существует.
checklist-refused-not_active = Эта передача уже закрыта или отменена.
checklist-refused-not_open = Этот шаг уже закрыт.
checklist-refused-verified = Этот шаг отметится сам, когда бот увидит результат.
checklist-refused-clients_left = Пропустить нельзя: у уходящего ещё есть клиенты или они лежат в пуле без ответственного. Сначала распределите их.
checklist-refused-final = Финальную проверку пропустить нельзя: она закрывается сама.
checklist-refused-bad_member = Этого человека нельзя назначить ответственным.
checklist-refused-bad_reason = Причина должна быть от 2 до 500 символов.
checklist-refused-bad_date = Не понял дату.

checklist-ask-skip-reason = Почему пропускаем шаг { $position } «{ $title }»? Напишите причину или выберите готовую.
checklist-ask-skip-reason-again = Напишите причину пропуска или выберите готовую.
checklist-reason-not-needed = Не требуется
checklist-reason-outside = Сделано вне бота
checklist-skip-reason-invalid = Причина должна быть от 2 до { $max } символов.
checklist-input-cancelled = Хорошо, ничего не меняю.
checklist-ask-due = Новый срок для шага { $position } «{ $title }»? Нажмите кнопку или напишите дату: «27.11», «в пятницу».
checklist-due-last-day = Последний день
checklist-due-unparsed = Не понял дату «{ $text }». Напишите, например, «27.11» или «в пятницу».
checklist-due-past = { $date } уже прошло. Выберите сегодняшний день или позже.
checklist-due-set = Срок шага { $position } — { $date }.

checklist-history-title = 📜 <b>История передачи дел: { $leaver }</b> (записей: { $count })
checklist-history-empty = Записей пока нет.
checklist-history-bot = бот
checklist-history-earlier = « Раньше
checklist-history-later = Позже »
checklist-audit-handover_started = { $when } — { $who } начал(а) передачу ({ $terms ->
    [bad] со скандалом
   *[good] по-хорошему
}, последний день { $lastDay })
checklist-audit-handover_cancelled = { $when } — { $who } отменил(а) передачу
checklist-audit-handover_closed = { $when } — передача завершена
checklist-audit-step_done = { $when } — { $who }: выполнен шаг { $step }
checklist-audit-step_auto_done = { $when } — { $who }: шаг { $step } выполнен автоматически
checklist-audit-step_auto_reopened = { $when } — { $who }: шаг { $step } снова открыт (распределение отменено)
checklist-audit-step_skipped = { $when } — { $who }: пропущен шаг { $step } — «{ $reason }»
checklist-audit-step_responsible = { $when } — { $who }: ответственный за шаг { $step } — { $member }
checklist-audit-step_due = { $when } — { $who }: срок шага { $step } перенесён с { $from } на { $to }
checklist-audit-commitment_added = { $when } — { $who }: записана договорённость ({ $kind ->
    [document] документ
    [deadline] срок клиента
   *[promise] обещание
}{ $source ->
    [leaver] , из анкеты уходящего
   *[lead] {""}
})
checklist-audit-commitment_kind = { $when } — { $who }: тип договорённости изменён на «{ $to ->
    [document] документ
    [deadline] срок клиента
   *[promise] обещание
}»
checklist-audit-commitment_removed = { $when } — { $who }: договорённость удалена
checklist-audit-leaver_form_sent = { $when } — { $who } отправил(а) анкету уходящему
checklist-audit-leaver_form_done = { $when } — { $who } заполнил(а) анкету: записано { $count }
checklist-audit-template_changed = { $when } — { $who } изменил(а) шаблон чек-листа
checklist-audit-distribution_applied = { $when } — { $who }: база распределена, передано клиентов: { $moved }{ $toPool ->
    [0] {""}
   *[other] , ждут в общем пуле: { $toPool }
}
checklist-audit-distribution_undone = { $when } — { $who }: распределение отменено, клиентов возвращено: { $returned }

## The interview typed by the lead

checklist-interview-intro =
    📝 <b>Интервью по передаче дел: { $leaver }</b> (клиентов: { $count })

    Пишите по одной договорённости в сообщении, например:
    «Иванов — договор до 30.11»
    «Петрова: перезвонить 2 декабря»
    Тип (обещание, документ, срок) я угадаю по словам — его можно поправить кнопками. Когда закончите, нажмите «Готово».
checklist-interview-format = Не понял. Напишите так: «Клиент — что обещано [до даты]», например «Иванов — договор до 30.11».
checklist-interview-unknown = Не нашёл «{ $name }» среди клиентов уходящего ({ $leaver }). Проверьте написание — подойдёт часть имени или названия компании.
checklist-interview-too-many = Под «{ $name }» подходят { $count } клиентов. Напишите точнее: фамилию и имя или компанию.
checklist-interview-which = Какой клиент имеется в виду под «{ $name }»?
checklist-interview-none-of-them = Никто из них
checklist-interview-not-saved = Хорошо, не записываю. Напишите следующую договорённость или нажмите «Готово».
checklist-interview-dropped = Строку про «{ $name }» не записал — разбираю новую.
checklist-interview-type-or-end = Напишите договорённость или нажмите «Готово».
checklist-interview-no-clients = { $leaver }: клиентов в боте нет — записывать договорённости не к кому. Если клиенты есть в CRM, сначала пришлите выгрузку.
checklist-interview-finished = Записано договорённостей: { $count }. Они перейдут к новым ответственным вместе с клиентами.
checklist-commitment-saved = ✍️ { $client }: { $text }
    { $kind ->
    [document] 📄 документ
    [deadline] ⏰ срок клиента
   *[promise] 🤝 обещание
    }{ $hasDue ->
    [yes] {" "}· до { $due }
   *[no] {" "}· без срока
    }
checklist-commitment-removed = <s>{ $client }: { $text }</s> — удалено
checklist-commitment-updated = Исправлено.
checklist-commitment-unchanged = Уже так.
checklist-kind-promise = 🤝 Обещание
checklist-kind-document = 📄 Документ
checklist-kind-deadline = ⏰ Срок

checklist-form-unreachable = { $name } не открывал(а) бота или заблокировал(а) его — анкету не доставить. Запишите договорённости сами кнопкой «Записать договорённости».
checklist-form-sent-toast = Анкета отправлена.
checklist-form-sent = 📨 Анкета отправлена. Когда { $name } её заполнит, пришлю вам сводку.

## The team's checklist template

checklist-template-title =
    🧩 <b>Шаблон чек-листа команды</b>
    Новые передачи дел получают эти шаги; уже начатые не меняются. 🤖 — шаги, которые бот отмечает сам (их нельзя удалить).
checklist-template-line = { $position }. { $auto ->
    [yes] 🤖{" "}
   *[no] {""}
}{ $title } — { $offset }
checklist-offset-asap = сразу, в день запуска
checklist-offset-button-asap = Сразу
checklist-offset = { $dir ->
    [same] в последний рабочий день
    [before] за { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } до последнего дня
   *[after] через { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } после последнего дня
}
checklist-template-hint = Выберите шаг, чтобы изменить его.
checklist-template-step-chosen = 👉 <b>Шаг { $position }</b>: { $title }
checklist-template-button-add = ➕ Добавить шаг
checklist-template-button-reset = ↺ Стандартный
checklist-template-button-close = Готово
checklist-template-button-rename = ✏️ Переименовать
checklist-template-button-offset = 📅 Срок
checklist-template-button-remove = 🗑 Удалить
checklist-template-button-remove-yes = Да, удалить
checklist-template-button-reset-yes = Да, вернуть стандартный
checklist-template-button-default-wording = ↩️ Стандартная формулировка
checklist-template-remove-confirm = Удалить шаг { $position } «{ $title }» из шаблона?
checklist-template-reset-confirm = Вернуть стандартный шаблон из семи шагов? Ваши изменения шаблона пропадут (начатые передачи не изменятся).
checklist-template-closed = Шаблон сохранён.
checklist-template-saved = Шаблон сохранён.
checklist-template-ask-title = Как назвать новый шаг? Напишите его текст (например, «Забрать ноутбук и пропуск»).
checklist-template-ask-rename = Новая формулировка для шага «{ $title }»?
checklist-template-ask-offset = Когда срок? Нажмите кнопку или напишите число дней относительно последнего рабочего дня: «-1» — за день до, «0» — в последний день, «+2» — через два дня после, «сразу» — в день запуска передачи.
checklist-template-title-invalid = Текст шага должен быть от 2 до { $max } символов.
checklist-template-offset-invalid = Не понял. Напишите число от -60 до +60 (например, «-1», «0», «+2») или «сразу».
checklist-template-refused-not_found = Этого шага уже нет в шаблоне.
checklist-template-refused-required = Этот шаг бот проверяет сам — без него нельзя гарантировать, что ни один клиент не потерян. Удалить его нельзя.
checklist-template-refused-fixed_last = Финальная проверка всегда последняя.
checklist-template-refused-edge = Дальше двигать некуда.
checklist-template-refused-too_many = В шаблоне уже 20 шагов — это максимум.
checklist-template-refused-bad_title = Текст шага должен быть от 2 до 200 символов.
checklist-template-refused-bad_offset = Срок должен быть от -60 до +60 дней или «сразу».

## The summary when a handover closes

handover-summary-title = ✅ <b>Передача дел завершена: { $leaver }</b>
handover-summary-period = С { $from } по { $to }; последний рабочий день — { $lastDay }.
handover-summary-none-transferred = Клиентов для передачи не было.
handover-summary-transferred = Клиентов передано: <b>{ $count }</b>
handover-summary-owner-line = • { $name } — { $count }
handover-summary-more = …и ещё { $count }.
handover-summary-commitments = Договорённостей записано при передаче: { $count }
handover-summary-calls = Обзвон: завершено { $done } из { $total }, дозвонились — { $reached }, потеряно — { $lost }.
handover-summary-skipped = Пропущенные шаги:
handover-summary-skipped-line = • { $step } — «{ $reason }»
handover-summary-left = { $leaver } отмечен(а) как ушедший: задачи и клиенты ему больше не назначаются.
handover-summary-open = 📋 Чек-лист и история

offboard-cancelled-calls = { $leaver } остаётся в команде: передача дел отменена. Звонки «после передачи» { $count ->
        [one] { $count } клиенту
       *[other] { $count } клиентам
    } сняты с вашего списка — клиенты остаются у вас, звоните им как обычно, без слов об уходе.
offboard-cancelled-you =
    ✅ Передача ваших дел в команде «{ $team }» отменена: вы остаётесь в команде, доступ к вашим клиентам снова открыт.{ $moved ->
        [0] {""}
       *[other] {" "}Клиенты, которых уже передали коллегам ({ $moved }), остаются у них.
    }{ $returned ->
        [0] {""}
       *[other] {" "}Клиенты из общего пула ({ $returned }) снова ваши.
    }
