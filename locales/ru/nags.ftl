# Nags (cron reminders and escalations), /status, delivery.

nag-more = …и ещё { $count }
nag-button-distribute = Распределить сейчас
nag-button-today = Открыть мой список на сегодня
nag-button-checklist = Чек-лист: { $name }

## Clients without a manager

nag-unassigned-title = 🗂 <b>{ $count ->
    [one] { $count } клиент без менеджера
    [few] { $count } клиента без менеджера
   *[other] { $count } клиентов без менеджера
}</b> — им сейчас никто не звонит.
nag-unassigned-oldest = Дольше всех ждут:
nag-unassigned-item = • { $name } — { $days ->
    [0] с сегодняшнего дня
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}
nag-unassigned-handover = Идёт передача дел: распределите клиентов, пока они не остыли.
nag-unassigned-action = Распределение — одна кнопка: я предложу честный расклад по менеджерам.

## Deadlines of commitments

nag-deadline-title = ⏰ <b>Сроки по клиентам</b>
nag-deadline-overdue = <b>Просрочено — { $count }:</b>
nag-deadline-soon = <b>Срок подходит — { $count }:</b>
nag-deadline-item = • { $client }: { $text } ({ nag-commitment-kind }) — { nag-when }
nag-deadline-team = <b>Просрочено у команды:</b>
nag-deadline-owner = { $owner } — { $count }:
nag-deadline-nobody = Без ответственного — { $count }:
nag-commitment-kind = { $kind ->
    [promise] обещание
    [document] документы
   *[deadline] срок клиента
}
nag-when = { $state ->
    [overdue] срок был { $date }
    [today] сегодня
    [tomorrow] завтра
   *[later] до { $date }
}

## Calls not made

nag-calls-title = 📞 <b>{ $count ->
    [one] Не сделан { $count } звонок
    [few] Не сделано { $count } звонка
   *[other] Не сделано { $count } звонков
}</b> — срок уже прошёл.
nag-calls-item = • { $client } — ждёт с { $date }
nag-calls-action = Клиенты ждут звонка: откройте список и позвоните сегодня.
nag-calls-lead-title = 📞 <b>Звонки просрочены на 2 рабочих дня и больше — { $count }</b>
nag-calls-lead-line = • <b>{ $manager }</b> — { $count } (самый давний с { $date }): { $clients }
nag-calls-lead-action = Клиент, которому не позвонили после ухода менеджера, уходит первым. Поговорите с менеджерами.

## Checklist steps

nag-checklist-title = ✅ <b>Шаги передачи дел</b>
nag-checklist-handover = <b>{ $leaver }</b>, последний день { $lastDay }:
nag-checklist-step = • { $step } — { $overdue ->
    [yes] просрочен с { $date }
   *[no] срок сегодня
}
nag-checklist-step-of = • { $step } — { $overdue ->
    [yes] просрочен с { $date }
   *[no] срок сегодня
} (отвечает { $responsible })
nag-step = { $kind ->
    [stop_routing] Остановить новые заявки и звонки на уходящего
    [revoke_access] Сменить пароли и закрыть доступы
    [interview] Интервью о передаче дел
    [redistribute] Распределить всю базу
    [reactivation] Позвонить каждому клиенту
    [crm_update] Внести новых ответственных в CRM
    [final_check] Финальная проверка
   *[custom] Шаг чек-листа
}

## People the bot cannot write to

nag-unreachable-title = 📵 <b>Эти люди не получают мои сообщения</b> — ни списков звонков, ни напоминаний:
nag-unreachable-line = • { $name } — { $reason ->
    [blocked] заблокировал(а) бота
    [never_started] ещё не открывал(а) бота
   *[name_only] известен(а) только по выгрузке, бота не открывал(а)
}
nag-unreachable-link = Перешлите им ссылку: открыв её и нажав «Запустить», они начнут получать сообщения.
    { $link }
nag-unreachable-link-lead = Руководителям — эту ссылку:
    { $link }
nag-unreachable-once = Об этом я сообщаю один раз; список всегда есть в /team.

## /status

status-title = 📬 <b>Доставка сообщений</b>
status-all-clear = Всё доставлено: очередь пуста, ошибок за последние 7 дней нет.
status-pending-title = <b>Ждут отправки — { $count }:</b>
status-pending-line = • { status-kind }: { $count }{ $retrying ->
    [0] {""}
   *[other] , из них после ошибки ждут повтора — { $retrying }
}
status-failed-title = <b>Не доставлено за 7 дней — { $count }:</b>
status-failed-kind-line = • { status-kind }: { $count }
status-recent-title = Последние ошибки:
status-failed-line = • { $at } — { $who }, { status-kind }: { status-reason }
status-reason = { $reason ->
    [blocked] заблокировал(а) бота
    [never_started] не открывал(а) бота
    [rejected] Telegram отклонил сообщение ({ $raw })
    [gave_up] не удалось отправить после нескольких попыток ({ $raw })
   *[other] { $raw }
}
status-kind = { $kind ->
    [nag_unassigned] клиенты без менеджера
    [nag_deadline] сроки по клиентам
    [nag_calls] несделанные звонки
    [nag_checklist] шаги чек-листа
    [nag_unreachable] недоступные сотрудники
    [digest] список дел на день
    [call_attempts] недозвоны по клиентам
    [client_assigned] новые клиенты менеджерам
    [clients_received] переданные клиенты
    [clients_taken_back] отмена распределения
    [handover_closed] итоги передачи дел
    [leaver_form] анкета уходящему
   *[other] { $kind }
}
status-dropped-title = <b>Не отправлено уходящим сотрудникам за 7 дней — { $count }</b> (доступ к клиентам закрыт при передаче дел):
status-dropped-line = • { $who }: { $count }
status-who-group = группа команды
status-who-chat = чат { $chatId }
status-unreachable = Не получают сообщения: { $names }. Подробнее — /team.
status-refresh = Обновить
status-refreshed = Обновлено
