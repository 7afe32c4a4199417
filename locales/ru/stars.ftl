# De-starring («раззвездение»): voices, the star index, second-voice touches.
stars-title = ⭐ <b>Индекс звёздности</b> — доля клиентов, которые знают только своего менеджера
stars-window = Голос — кто из команды говорил с клиентом за последние { $months } мес.
stars-line = <b>{ $name }</b>: клиентов { $clients } · знают только его/её: { $single } ({ $percent }%) · горячих из них: { $hot }{ $trendHtml }
stars-trend = {" "}· тренд: { $trend }
stars-total = <b>Команда</b>: клиентов { $clients } · с одним голосом: { $single } ({ $percent }%) · горячих: { $hot }
stars-empty = У менеджеров команды пока нет клиентов.
stars-own-empty = У вас пока нет своих клиентов.
stars-own-title = ⭐ <b>Ваш индекс звёздности</b>
stars-own-hint = Коллеги и руководитель иногда звонят вашим клиентам — чтобы клиент знал компанию, а не одного человека. Вы всегда владелец клиента.
stars-weeks-title = <b>Касания «второго голоса» по неделям</b>
stars-week-line = { $week }: запланировано { $planned } · сделано { $done } · дозвонились { $reached }
stars-weeks-none = Касаний ещё не планировали.
stars-programme = { $paused ->
    [yes] ⏸ Программа на паузе: касания не планируются.
   *[no] ▶️ Программа работает: касания планируются по { $day ->
        [1] понедельникам
        [2] вторникам
        [3] средам
        [4] четвергам
        [5] пятницам
        [6] субботам
       *[7] воскресеньям
    } в { $hour }:00, до { $cap } в неделю на человека.
}
stars-tap-hint = Нажмите на менеджера — его клиенты с одним голосом, горячие первыми.
stars-btn-pause = ⏸ Пауза
stars-btn-resume = ▶️ Возобновить
stars-btn-back = ← Назад
stars-btn-cap-down = − лимит
stars-btn-cap-up = + лимит
stars-btn-team-cap-down = − лимит команды
stars-btn-team-cap-up = + лимит команды
stars-btn-role = { $role ->
    [trainee] 🎓 Стажёр
    [quality] 🔎 Контроль качества
   *[none] 👤 Обычный
}
stars-member-title = ⭐ <b>{ $name }</b>: клиентов { $clients }, с одним голосом { $single } ({ $percent }%)
stars-member-client = { $n }. { $clientHtml }{ $temperature ->
    [hot] {" "}🔥
    [warm] {""}
   *[cold] {" "}❄️
}
stars-member-more = …и ещё { $count }
stars-member-none = Все клиенты знают кого-то ещё из команды. 👏
stars-member-cap = Касаний в неделю: { $cap ->
    [0] 0 (не участвует)
   *[other] { $cap }
}{ $role ->
    [trainee] {" "}· стажёр (в 2 раза больше)
    [quality] {" "}· контроль качества (в 2 раза больше)
   *[none] {""}
}
stars-toast-paused = Программа на паузе.
stars-toast-resumed = Программа возобновлена.
stars-toast-saved = Сохранено.
stars-toast-gone = Этого человека больше нет в команде.
stars-lead-planned = ⭐ <b>Касания «второго голоса» на неделю { $week }</b>: { $planned } (клиентов с одним голосом в очереди: { $candidates }). Они уже в списках дел.
stars-lead-no-callers = ⭐ Касания на неделю { $week } не запланированы: { $reason ->
    [alone] в команде некому звонить чужим клиентам — нужен хотя бы ещё один человек.
   *[all_opted_out] у всех лимит касаний 0. Поднимите лимит в /stars.
}
stars-lead-released = ⭐ { $names } больше не в команде: касания перешли к другим — { $moved }, отменены (не у кого места) — { $dropped }.
stars-owner-daily = 🗣 { $caller } поговорил(а) с вашими клиентами: { $count } — { $outcomes }
stars-owner-outcome = { $outcome ->
    [reached] дозвонились: { $count }
   *[lost] потеряны: { $count }
}
stars-owner-lost = ⚠️ { $caller } звонил(а) вашему клиенту <b>{ $client }</b> и отметил(а): клиент потерян ({ call-lost-reason }). Свяжитесь с клиентом сами.
stars-owner-lost-button = Открыть карточку
stars-offboard-line = ⭐ { $single } из { $clients } клиентов знают из команды только одного человека — { $name } ({ $percent }%).
stars-dist-known = Знакомы с новым менеджером: { $known } из { $total }.
today-touch-kind = { $kind ->
    [lead] звонок руководителя
    [quality] «как вам с нами?»
   *[colleague] знакомство
}
call-card-touch = 🗣 <b>Касание «второго голоса»</b>: { $kind ->
    [lead] звонок или сообщение руководителя
    [quality] звонок контроля качества
   *[colleague] звонок коллеги — знакомство
} · владелец клиента: { $owner }
call-card-touch-script = <b>Скрипт</b>:
script-touch-colleague = Здравствуйте, { $client }! Меня зовут { $manager }, я коллега { $owner } из нашей компании. Звоню познакомиться: если { $owner } будет занят(а) или в отпуске, я всегда помогу. Как у вас дела, всё ли устраивает? Когда вам может снова понадобиться наша помощь? Отметим дату следующего контакта. Скидок не предлагаем — просто знакомимся.
script-touch-quality = Здравствуйте, { $client }! Меня зовут { $manager }, я отвечаю в компании за качество работы. Пара вопросов: как вам с нами? Всё ли устраивает в работе { $owner }? Что нам сделать лучше? Когда вам может снова понадобиться наша помощь? Скидок не обещаем — нам важно ваше мнение.
script-touch-lead = Здравствуйте, { $client }! Это { $manager }, руководитель отдела. Хочу лично поблагодарить вас за то, что вы с нами, и убедиться, что у вас всё хорошо. С вами работает { $owner }, а я и вся команда всегда на связи. Когда вам может снова понадобиться наша помощь? Скидок не предлагаем — просто спасибо.
menu-stars = Индекс звёздности
stars-import-voices = 🗣 <b>Кто ещё вёл клиентов</b>: связей с коллегами — { $links } (станут «голосами» клиента).
stars-import-voices-unknown = Не нашли в команде, пропущены ({ $count }): { $names }
stars-btn-day = 📅 { $day ->
    [1] Пн
    [2] Вт
    [3] Ср
    [4] Чт
    [5] Пт
    [6] Сб
   *[7] Вс
} ▸
stars-btn-hour = 🕘 { $hour }:00 ▸
stars-btn-window = 🗓 окно { $months } мес ▸
