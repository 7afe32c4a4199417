# Calls: call cards and outcomes, the daily list (/today and the morning digest), /report and /script.

## Call card

call-card-title = 📞 <b>{ $client }</b>{ $temperature ->
    [hot] {" "}· 🔥 горячий
    [cold] {" "}· ❄️ холодный
   *[warm] {" "}· тёплый
}
call-card-company = Компания: { $company }
call-card-phones = Телефон: { $phones }
call-card-no-phone = Телефона нет — возьмите номер из CRM или напишите на почту.
call-card-email = Почта: { $email }
call-card-owner = Ответственный: { $name }
call-card-previous-owner = Прежний менеджер: { $name }
call-card-last-contact = Последний контакт: { $date }
call-card-next-contact = Следующий контакт: { $date }
call-card-kind = { $kind ->
    [second_voice] Касание «второго голоса»
    [reactivation] Звонок после передачи клиента
   *[ordinary] Звонок
} · { $overdue ->
    [yes] ⚠️ просрочен, был на { $date }
   *[no] на { $date }
}{ $time ->
    [none] {""}
   *[other] {" "}в { $time }
}
call-card-assignee = Звонит: { $name }
call-card-attempts = 📵 Не дозвонились: { $count } · дальше { $next ->
    [over] попыток больше { $max }, руководитель в курсе
   *[other] попытка { $next } из { $max }
} — { $date }
call-card-promised = 📌 И обещанный звонок: клиенту обещали перезвонить { $date }{ $time ->
    [none] {""}
   *[other] {" "}в { $time }
}
call-card-no-call = Открытого звонка нет. Позвоните и отметьте, чем закончился разговор.
call-card-commitments = <b>Открытые обязательства и сроки:</b>
call-card-commitment = • { $dueHtml }{ $text }
call-card-commitment-due = <b>до { $date }</b> —{" "}
call-card-commitment-overdue = <b>⚠️ просрочено, было до { $date }</b> —{" "}
call-card-history = <b>История:</b>
call-card-history-line = • { $date } — { $whatHtml }
call-card-script = <b>Скрипт звонка</b>{ $terms ->
    [bad] {" "}(расстались плохо)
   *[good] {" "}(расстались хорошо)
}:
call-card-ordinary-hint = Главное в конце разговора — договориться, когда клиенту снова можем понадобиться мы, и отметить дату следующего контакта.
call-card-more-commitments = …и ещё { $count }
call-card-view-only = Отметить результат может { $name } или руководитель.

call-event = { $kind ->
    [call_reached] 📞 дозвонились, следующий контакт { $date }
    [call_no_answer] 📵 не дозвонились, попытка { $attempts } из { $max }{ $date ->
        [none] {""}
       *[other] , следующая — { $date }
    }
    [call_callback] 🕑 попросили перезвонить { $date }
    [call_lost] ✖️ клиент потерян: { call-lost-reason }
    [call_note] 📝 заметка: { $note }
    [created] ➕ клиент добавлен вручную
    [imported] 📥 загружен из файла
    [updated] 📥 обновлён из файла{ $ownerChanged ->
        [yes] , ответственный: { call-event-from } → { call-event-to }
       *[no] {""}
    }
    [owner_changed] 👤 ответственный: { call-event-from } → { call-event-to }
    [owner_linked] 👤 имя из файла связано с сотрудником: { call-event-from } → { call-event-to }
    [assigned] 🤝 передан при передаче дел: { call-event-from } → { call-event-to }
    [unassigned] { $undo ->
        [yes] ↩️ распределение отменено, клиент в общем пуле (был у { call-event-from })
       *[no] 📤 в общий пул (был у { call-event-from })
    }
    [commitment_added] 📌 добавлено: { call-event-commitment }{ $date ->
        [none] {""}
       *[other] {" "}до { $date }
    }
    [commitment_done] ✅ выполнено: { call-event-commitment }
   *[other] запись в истории
}{ $actor ->
    [none] {""}
   *[other] {" "}({ $actor })
}
call-event-from = { $from ->
    [none] общий пул
   *[other] { $from }
}
call-event-to = { $to ->
    [none] общий пул
   *[other] { $to }
}
call-event-commitment = { $commitment ->
    [document] долг по документам
    [deadline] срок клиента
    [promise] обещание
   *[other] обещание или срок
}

call-lost-reason = { $reason ->
    [went_with_leaver] уходит вслед за прежним менеджером
    [competitor] ушёл к конкуренту
    [no_need] мы больше не нужны
   *[other] другая причина
}

## Card buttons

call-btn-reached-or-wrote = ✅ Поговорил(а) или написал(а)
call-btn-reached = ✅ Дозвонились
call-btn-no-answer = 📵 Нет ответа
call-btn-callback = 🕒 Перезвонить…
call-btn-lost = ✖️ Потерян
call-btn-back = ← Назад
call-btn-week = +1 неделя
call-btn-month = +1 месяц
call-btn-3months = +3 месяца
call-btn-6months = +6 месяцев
call-btn-type-date = ✏️ Своя дата
call-btn-skip = Пропустить
call-btn-cancel = Отмена
call-btn-lost-reason = { call-lost-reason }
call-pick-next = Когда следующий контакт? Выберите срок или напишите дату.
call-pick-reason = Почему клиент потерян?

## Outcomes shown on the card

call-outcome-reached = ✅ <b>Дозвонились</b> { $date }{ $by ->
    [none] {""}
   *[other] {" "}({ $by })
}. Следующий контакт: <b>{ $next }</b>{ $kept ->
    [yes] {" "}— остаётся дата владельца ({ $owner }): выбранный срок { $asked } её не отодвигает
   *[no] {""}
}.
call-outcome-lost = ✖️ <b>Клиент потерян</b> { $date }: { call-lost-reason }{ $by ->
    [none] {""}
   *[other] {" "}({ $by })
}.
call-outcome-cancelled = { $kind ->
    [second_voice] Это касание «второго голоса» отменено: клиент сменил владельца или потерян, либо звонящий ушёл из команды.
   *[other] Этот звонок отменён: распределение клиентов отменили.
}
call-outcome-moved = 📵 Нет ответа — попытка { $attempts }. Звонок перенесён на { $date }.
call-outcome-callback = 🕒 Перезвонить { $date }{ $time ->
    [none] {""}
   *[other] {" "}в { $time }
}.

## Toasts

call-toast-forbidden = Отметить результат может только ответственный менеджер или руководитель.
call-toast-resolved = Результат уже записан.
call-toast-stale = Карточка устарела: звонок по клиенту изменился. Показываю, как сейчас — отметьте ещё раз.
call-toast-not-found = Этот звонок больше не найден.
call-toast-hidden = Этот клиент вам недоступен.
call-toast-moved = Перенесено на { $date }.
call-toast-saved = Записано.
call-toast-private = Карточки звонков открываются в личном чате со мной.

## Typed answers

call-ask-next-date = Напишите дату следующего контакта, например «через 2 недели», «15.03» или «в пятницу».
call-next-date-invalid = Не понял дату «{ $text }». Напишите, например, «15.03», «через месяц» или «next friday».
call-next-date-range = Следующий контакт должен быть позже сегодняшнего дня и не дальше чем через два года.
call-ask-callback = Когда перезвонить? Напишите дату и, если нужно, время: «завтра в 15:00», «25.11 10:30», «в понедельник».
call-callback-invalid = Не понял дату «{ $text }». Напишите, например, «завтра в 15:00» или «25.11».
call-callback-range = Это время уже прошло или слишком далеко. Напишите дату не раньше сегодняшнего дня и не дальше чем через два года.
call-ask-note = Записано. Хотите добавить заметку о разговоре? Напишите её или нажмите «Пропустить».
call-note-saved = Заметка сохранена.
call-note-skipped = Хорошо, без заметки.
call-note-too-long = Заметка длинновата: до { $max } символов. Сократите, пожалуйста.
call-dialog-cancelled = Хорошо, отменено. Карточка звонка не изменилась.

## Lead alert after unanswered attempts

call-lead-alert = 📵 { $manager } не может дозвониться клиенту <b>{ $client }</b>: { $attempts } попытки без ответа. Возможно, нужен другой номер или другой канал связи.
call-lead-alert-button = Открыть карточку

## Daily list (/today and the morning digest)

today-title = <b>Ваш список на { $date }</b>
digest-title = Доброе утро! <b>Ваш список на { $date }</b>
today-counts = { $total ->
    [0] Дел на сегодня нет.
   *[other] Всего: <b>{ $total }</b> · просрочено: { $overdue } · звонки: { $calls } · контакты: { $contacts } · сроки: { $deadlines }
}
today-section-overdue = ⚠️ <b>Просроченные звонки</b> ({ $count })
today-section-calls = 📞 <b>Звонки на сегодня</b> ({ $count })
today-section-contacts = 🗓 <b>Следующий контакт сегодня</b> ({ $count })
today-section-deadlines = ⏰ <b>Сроки по обязательствам</b> ({ $count })
today-entry-call = { $n }. { $clientHtml }{ $kind ->
    [second_voice] {" "}— 🗣 второй голос
    [reactivation] {" "}— после передачи
   *[ordinary] {""}
}{ $time ->
    [none] {""}
   *[other] , в { $time }
}{ $overdue ->
    [yes] , был на { $date }
   *[no] {""}
}{ $attempts ->
    [0] {""}
   *[other] {" "}· без ответа: { $attempts }
}
today-entry-contact = { $n }. { $clientHtml }{ $overdue ->
    [yes] {" "}— контакт был назначен на { $date }
   *[no] {""}
}
today-entry-deadline = { $n }. { $clientHtml }: { $text } — { $overdue ->
    [yes] ⚠️ просрочено, было до { $date }
   *[no] сегодня
}
today-empty = На сегодня звонков, контактов и сроков нет. Хорошего дня!
today-more = …и ещё { $count }. Все — в /today.
today-page = Страница { $page } из { $pages }
today-btn-prev = ← Назад
today-btn-next = Дальше →
today-btn-open = Открыть мои звонки
today-hint = Нажмите на номер, чтобы открыть карточку клиента со скриптом.

## /report

report-title = <b>Отчёт по передачам клиентов</b> — { $date }
report-empty = Пока нечего показать: ни одного распределения клиентов с обзвоном.
report-handover = <b>{ $leaver }</b> → передача { $status ->
    [active] идёт
    [closed] завершена
   *[other] отменена
}{ $terms ->
    [bad] , расстались плохо
   *[good] {""}
}, последний день { $lastDay }
report-pool = <b>Клиенты из общего пула</b>
report-progress = { $barHtml } { $percent }% · обзвонено { $done } из { $total }
report-totals = Передано клиентов: { $total } · дозвонились: { $reached } · не отвечают: { $noAnswer } · потеряны: { $lost } · следующий контакт назначен: { $nextSet } · просрочено звонков: { $overdue }
report-lost-reasons = Причины потерь: { $reasonsHtml }
report-lost-reason-item = { call-lost-reason } — { $count }
report-manager = • { $name }: { $barHtml } { $done }/{ $total } · ✅ { $reached } · 📵 { $noAnswer } · ✖️ { $lost } · 🗓 { $nextSet }{ $overdue ->
    [0] {""}
   *[other] {" "}· ⚠️ просрочено { $overdue }
}
report-legend = ✅ дозвонились · 📵 не отвечают · ✖️ потеряны · 🗓 назначен следующий контакт

## /script

script-title = <b>Скрипты звонков после ухода менеджера</b> ({ $locale ->
    [en] английская версия
   *[ru] русская версия
})
script-terms = { $terms ->
    [touch_colleague] <b>Второй голос: знакомство (коллега, стажёр)</b>
    [touch_quality] <b>Второй голос: «как вам с нами?» (контроль качества)</b>
    [touch_lead] <b>Второй голос: звонок или письмо руководителя</b>
    [bad] <b>Расстались плохо</b>
   *[good] <b>Расстались хорошо</b>
}{ $custom ->
    [yes] {" "}— текст команды
   *[no] {" "}— стандартный текст
}
script-touch-hint = <b>Касания «второго голоса»</b> (раззвездение). Подстановки: {"{"}client{"}"} — клиент, {"{"}manager{"}"} — кто звонит, {"{"}owner{"}"} — менеджер клиента. Без скидок.
script-hint = Подстановки: {"{"}client{"}"} — клиент, {"{"}leaver{"}"} — ушедший менеджер, {"{"}manager{"}"} — новый менеджер. Менеджер видит скрипт в карточке звонка с уже подставленными именами.
script-btn-edit = ✏️ { $terms ->
    [touch_colleague] Изменить «знакомство»
    [touch_quality] Изменить «как вам с нами?»
    [touch_lead] Изменить «руководитель»
    [bad] Изменить «плохо»
   *[good] Изменить «хорошо»
}
script-btn-reset = ↩️ { $terms ->
    [touch_colleague] Вернуть стандартное «знакомство»
    [touch_quality] Вернуть стандартное «как вам с нами?»
    [touch_lead] Вернуть стандартное «руководитель»
    [bad] Вернуть стандартный «плохо»
   *[good] Вернуть стандартный «хорошо»
}
script-btn-locale = { $locale ->
    [en] 🇬🇧 Английская версия
   *[ru] 🇷🇺 Русская версия
}
script-ask-text = Пришлите новый текст скрипта { $terms ->
    [touch_colleague] для касания «знакомство» (коллега, стажёр)
    [touch_quality] для касания «как вам с нами?»
    [touch_lead] для звонка или письма руководителя
    [bad] для случая «расстались плохо»
   *[good] для случая «расстались хорошо»
} ({ $locale ->
    [en] английская версия
   *[ru] русская версия
}). Можно использовать {"{"}client{"}"}, {"{"}leaver{"}"} и {"{"}manager{"}"}. Текущий текст — выше, его удобно скопировать и поправить.
script-current = Текущий текст:
script-saved = Сохранено. Теперь менеджеры видят новый текст в карточках звонков.
script-reset-done = Стандартный текст восстановлен.
script-reset-nothing = Здесь и так стандартный текст.
script-problem = { $code ->
    [too_short] Слишком коротко для скрипта. Пришлите текст целиком.
    [too_long] Слишком длинно: скрипт должен помещаться в карточку звонка, до { $max } символов.
    [unknown_placeholder] Подстановку { $name } я не знаю. Можно только {"{"}client{"}"}, {"{"}leaver{"}"} и {"{"}manager{"}"}.
   *[unbalanced_braces] Фигурные скобки не парные. Подстановки пишутся так: {"{"}client{"}"}, {"{"}leaver{"}"}, {"{"}manager{"}"}.
}
script-text-only = Пришлите текст скрипта сообщением или /cancel, чтобы выйти.

script-default-good =
    Перед звонком: скидок, подарков и «бонусов за неудобство» не предлагаем — ни сейчас, ни на следующий заказ. Цель звонка — познакомиться и договориться о следующем контакте.

    — { $client }, здравствуйте! Меня зовут { $manager }, теперь я ваш менеджер. Удобно пару минут поговорить?
    — Звоню вот почему: { $leaver } больше не работает в нашей сфере и просит нас вам позвонить — чтобы вы знали, что { $leaver } передаёт вас в наши надёжные руки. Теперь все ваши вопросы веду я.
    — Как у вас дела? Есть что-то, что сейчас в работе или скоро понадобится?
    — Когда, как думаете, мы можем снова вам пригодиться? Давайте я наберу вас ближе к этому времени — какая дата удобна?

    После звонка нажмите «Дозвонились» и выберите дату следующего контакта.
script-default-bad =
    Перед звонком: никого не ругаем и подробностей не рассказываем. Скидок, подарков и «бонусов за неудобство» не предлагаем. Цель звонка — чтобы клиент знал, к кому теперь обращаться, и договориться о следующем контакте.

    — { $client }, здравствуйте! Меня зовут { $manager }, теперь я ваш менеджер. Удобно пару минут поговорить?
    — Не хочу выносить сор из избы, скажу коротко: расстались мы не просто так. { $leaver } больше не имеет отношения к нашей компании, и за то, что { $leaver } делает или обещает, мы больше не отвечаем. Поэтому и звоним сейчас всем клиентам — чтобы вы знали об этом и потом не столкнулись с неприятностями.
    — Всё, о чём вы договаривались с нашей компанией, остаётся в силе, теперь этим занимаюсь я. (Если в карточке есть открытые обязательства — подтвердите их.)
    — Когда, как думаете, мы можем снова вам пригодиться? Давайте я наберу вас ближе к этому времени — какая дата удобна?

    После звонка нажмите «Дозвонились» и выберите дату следующего контакта.
script-sample-client = Иван Петров
script-sample-leaver = Мария
