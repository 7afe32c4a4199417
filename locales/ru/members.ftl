# Members: invite links in private chats only, co-lead requests, removing a member, the bot joining a group.

invites-sent-privately = Ссылки-приглашения отправил вам в личку: в группе их увидели бы посторонние.
invites-dm-unreachable = Ссылки-приглашения я отправляю только в личный чат, а написать вам туда не могу: вы ещё не открывали бота. Откройте @{ $bot }, нажмите «Старт» и пришлите /team.
invites-dm-intro = Ссылки-приглашения команды «{ $team }» (вы просили их в группе):

lead-request-sent = Запрос отправлен руководителям команды «{ $team }». Руководителем вы станете, когда его примут; я напишу.
lead-request-pending = Ваш запрос в руководители команды «{ $team }» уже ждёт решения. Я напишу, когда его примут.
lead-request-already-lead = Вы уже руководитель команды «{ $team }».
lead-request-notice = { $name } хочет стать руководителем команды «{ $team }».
lead-request-accept = ✅ Принять
lead-request-decline = ✖️ Отклонить
lead-request-accepted-by = ✅ { $name } теперь руководитель (принял(а) { $by }).
lead-request-declined-by = ✖️ Запрос { $name } отклонён ({ $by }).
lead-request-decided-toast = По этому запросу уже решили.
lead-request-accepted-you = Ваш запрос приняли: теперь вы руководитель команды «{ $team }». Команды — /help.
lead-request-declined-you = Ваш запрос в руководители команды «{ $team }» отклонили.
lead-request-other-team = { $name } уже состоит в другой команде: запрос закрыт.

team-pending-title = Ждут решения — запросы в руководители:
team-pending-line = • { $name }
team-manage-hint = Нажмите на человека, чтобы удалить его из команды.

member-card = { $name } — { role }.
member-remove = Удалить из команды
member-back = ← К команде
member-removed = { $name } удалён(а) из команды: права отозваны сразу.
member-removed-you = Руководитель удалил вас из команды «{ $team }».
member-remove-refused-self = Себя удалить нельзя.
member-remove-refused-gone = Этого человека уже нет в команде.
member-remove-refused-in_handover = У { $name } идёт передача дел: сначала завершите её (/offboard).
member-remove-refused-has_clients = У { $name } { $count } клиент(ов): сначала передайте их через /offboard, потом удалите.

bot-added-to-group =
    Привет! Здесь я показываю ход передачи дел: шаги, сроки, кто отвечает. Клиентов, ссылки-приглашения и условия ухода — только в личке руководителя.
    Руководитель команды, пришлите /link, чтобы привязать эту группу к команде.
team-recent-mark = 🆕
team-recent-hint = 🆕 — присоединились за последнюю неделю. Если кого-то вы не ждали, удалите его: нажмите на имя.
team-id-hint = Номер команды для командной строки: <code>{ $id }</code> (<code>npm run import -- --team { $id } файл.csv</code>).
team-delete-button = 🗑 Удалить команду…
team-delete-ask = Удалить команду «{ $team }» целиком: всех клиентов с телефонами и заметками, звонки, обещания, передачи дел, уведомления и диалоги? Это нельзя отменить; резервные копии с этими данными исчезнут сами, когда выйдет их срок хранения.

    Чтобы подтвердить, напишите название команды: <b>{ $team }</b>
team-delete-cancel = Не удалять
team-delete-kept = Команда «{ $team }» не удалена.
team-deleted = Команда «{ $team }» удалена со всеми данными. Чтобы начать заново — /start.
