# Charts: the pictures of /report and the lead's weekly picture. Plain text (drawn into an image), no HTML,
# except the captions (chart-caption-*), which are HTML like every message.

chart-outcome-reached = дозвонились
chart-outcome-no-answer = не отвечают
chart-outcome-call-back = перезвонить
chart-outcome-lost = потеряны
chart-outcome-not-called = не звонили

chart-progress-title = { $leaver }{ $terms ->
    [bad] {" "}— расстались плохо
    [good] {" "}— расстались хорошо
   *[hidden] : передача клиентов
}
chart-pool-title = Клиенты из общего пула
chart-progress-subtitle = обзвон по менеджерам: сделано { $done } из { $total }{ $due ->
    [none] {""}
   *[other] {" "}· срок { $due }
}
chart-page = { $page } из { $pages }
chart-no-calls = Звонков пока нет

chart-timeline-title = { $leaver }: звонки по дням
chart-pool-timeline-title = Общий пул: звонки по дням
chart-timeline-subtitle = с { $start } · открытых звонков сейчас: { $open }
chart-timeline-made = сделано за день
chart-timeline-open = осталось звонков
chart-timeline-planned = по плану
chart-timeline-today = сегодня
chart-timeline-due = срок

chart-lost-title = { $leaver }: почему теряем клиентов
chart-pool-lost-title = Общий пул: почему теряем клиентов
chart-lost-subtitle = потеряно { $lost } из { $total }
chart-lost-none = Потерянных клиентов нет

chart-caption-progress = 📊 <b>{ $leaver }</b>: обзвон по менеджерам
chart-caption-pool = 📊 <b>Общий пул</b>: обзвон по менеджерам
chart-caption-timeline = 📈 Звонки по дням
chart-caption-lost = 📉 Причины потерь
chart-more-handovers = Картинки — для { $shown } последних передач; остальные в тексте ниже.

chart-weekly-title = Открытые передачи команды
chart-weekly-subtitle = неделя с { $date } · открытых звонков: { $open }
chart-weekly-none = Открытых передач нет
chart-weekly-caption = 🗓 <b>Картинка недели</b>: открытые передачи команды. Подробности — /report. Выключить — /settings.

chart-stars-title = Индекс «звёздности» по менеджерам
chart-stars-subtitle = знают из команды только одного человека: { $single } из { $clients } клиентов ({ $percent }%)
chart-stars-bar = { $percent }% из { $clients } · горячих: { $hot }
chart-stars-team = Команда
chart-stars-trend = Как менялось за { $weeks } нед.
chart-stars-none = У менеджеров пока нет клиентов
chart-caption-stars = ⭐ <b>Индекс «звёздности»</b>: доля клиентов, которые знают из команды только своего менеджера. Чем ниже, тем спокойнее переживём чей-то уход.
