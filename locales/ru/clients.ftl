# Клиентская база: импорт из CRM, список и карточка клиента, добавление, выгрузка.

## Импорт

import-picture = Это картинка, а мне нужна таблица. Пришлите выгрузку клиентов из CRM или Excel файлом: CSV или XLSX (в Telegram — «Файл», а не «Фото»).
import-too-large = Файл весит { $sizeMb } МБ, а Telegram позволяет ботам скачивать файлы только до 20 МБ. Разбейте выгрузку на части (например, по ответственным) или сохраните её в CSV — он обычно намного легче XLSX.
import-download-failed = Не получилось скачать файл из Telegram. Пришлите его, пожалуйста, ещё раз.
import-private-only = Файлы с клиентами лучше не показывать всей группе: пришлите его мне в личный чат, там я покажу, что загрузится.

import-error-empty = Файл пустой: в нём нет ни одной строки с данными. Проверьте, что сохранили нужный лист, и пришлите снова.
import-error-binary = Это не похоже на таблицу: внутри двоичные данные. Пришлите CSV или XLSX — выгрузку из CRM или файл Excel.
import-error-unsupported_type = Такой формат я не читаю. Пришлите CSV или XLSX. Старый .xls откройте в Excel и сохраните как «Книга Excel (.xlsx)» или «CSV UTF-8».
import-error-too_large = Файл больше 20 МБ — столько Telegram не даёт скачать. Разбейте выгрузку на части или сохраните в CSV.
import-error-no_name_column =
    Не нашёл столбец с именем клиента — без него загрузить нельзя.
    Я вижу заголовки: { $headers }.
    Нужен столбец с именем или названием клиента, например «ФИО», «Имя», «Контакт», «Название» или «Name». Остальные столбцы необязательны: «Телефон», «Email», «Компания», «Ответственный», «Температура» или «Этап», «Дата следующего контакта», «Примечание».
import-error-unreadable_xlsx = Не смог открыть этот XLSX: похоже, файл повреждён или только переименован. Откройте его в Excel, сохраните заново и пришлите.
import-error-broken_csv = В файле сломаны кавычки около строки { $row }: ячейка открывается кавычкой и не закрывается. Исправьте эту строку (или сохраните файл из Excel заново) и пришлите снова. Ничего не загружено.
import-error-xlsx_too_large = Таблица внутри XLSX слишком большая для меня. Разбейте её на несколько файлов или сохраните в CSV.
import-error-encrypted = Файл защищён паролем, я не могу его прочитать. Снимите пароль в Excel («Файл → Сведения → Защита книги») и пришлите снова.

import-preview-header = 📄 <b>{ $file }</b>: строк с данными — { $rows }.
import-preview-columns = Понял столбцы: { $columnsHtml }.
import-field = { $field ->
    [name] имя
    [company] компания
    [phones] телефон
    [email] email
    [externalId] ID в CRM
    [owner] ответственный
    [voices] кто ещё вёл
    [temperature] температура
    [lastContactOn] последний контакт
    [nextContactOn] следующий контакт
    [notes] примечание
    [commitments] обещания и сроки
   *[other] { $field }
}
import-column = { $fieldName } ← «{ $header }»
import-preview-counts =
    <b>Что будет загружено</b>
    { $linesHtml }
import-count-created = • новых клиентов: { $n }
import-count-updated = • обновится существующих: { $n }
import-count-unchanged = • уже есть, без изменений: { $n }
import-count-merged = • повторы внутри файла, объединены: { $n }
import-count-rejected = • строк не загрузится: { $n }
import-count-commitments = • обещаний, документов и сроков: { $n }
import-count-notes = • найдено в примечаниях: { $n } — посмотреть кнопкой ниже; без вашего ответа не добавлю
import-button-notes-all = 📝 Взять из примечаний все ({ $n })
import-button-notes-view = 👀 Посмотреть найденное
import-toast-notes-all = Возьму все: { $n }
import-notes-title = 📝 <b>Найдено в примечаниях: { $n }</b>. Отмеченные ☑️ станут обещаниями и сроками клиентов, когда вы загрузите файл.
import-note-line = { $mark } { $n }. строка { $row }, { $name } — { $kind ->
    [document] 📄 документ
    [deadline] ⏰ срок
   *[promise] 🤝 обещание
}: { $text }{ $hasDue ->
    [yes] {" "}— до { $due }
   *[no] {""}
}
import-notes-footer = Отмечено: { $kept } из { $n }. Загрузить файл — кнопкой под предпросмотром.
import-button-notes-list-all = ✅ Все
import-button-notes-list-none = ✖️ Ничего
import-preview-owners =
    <b>По ответственным</b>
    { $linesHtml }
import-owner-line = • { $name } — { $n }
import-owner-line-new = • { $name } — { $n } (нет в команде, добавлю по имени)
import-owner-line-none = • без ответственного — { $n }
import-preview-temperatures = <b>По температуре:</b> 🔥 горячих { $hot } · 🌤 тёплых { $warm } · ❄️ холодных { $cold }
import-more = • …и ещё { $n }
import-unknown-owners =
    ⚠️ <b>Этих ответственных нет в команде</b>
    { $linesHtml }
    Я добавлю их в команду как сотрудников, известных только по имени; когда человек откроет ссылку-приглашение, клиенты перейдут к нему. Если это опечатка — исправьте файл и пришлите его снова.
import-unknown-owner-line = • «{ $name }» — строки { $rows }
import-near-owners =
    ❓ <b>Похоже на опечатку в имени ответственного</b>
    { $linesHtml }
    Ответьте кнопками ниже. Пока ответа нет, новые клиенты из этих строк попадут в пул без ответственного — нового сотрудника я не создам.
import-near-owner-line = • «{ $text }» — может быть, { $name }? Строки { $rows }
import-button-near-member = ✅ Да, это { $name }
import-button-near-new = ➕ «{ $name }» — новый человек
import-near-chosen-member = Понял: «{ $text }» — это { $name } (строк: { $n }). Загрузка — кнопкой под предпросмотром.
import-near-chosen-new = Понял: «{ $text }» — новый человек, добавлю в команду по имени (строк: { $n }). Загрузка — кнопкой под предпросмотром.
import-contact-matches =
    🔗 <b>Уже есть в базе, в файле написано иначе</b>
    { $linesHtml }
import-contact-match-line = • строка { $row }: это клиент «{ $name }» — { $field ->
        [externalId] тот же ID в CRM { $value }
        [email] тот же email { $value }
       *[phones] тот же телефон { $value }
    }
import-inactive-owners =
    ⚠️ <b>Ответственные уходят или уже ушли</b>
    { $linesHtml }
    Новые клиенты из этих строк попадут в пул без ответственного, существующие останутся у текущего ответственного.
import-inactive-owner-line = • { $name } — строк: { $n }
import-preview-problems =
    <b>Замечания по строкам</b>
    { $linesHtml }
import-problem = • строка { $row }: { $code ->
    [missing_name] нет имени клиента
    [bad_date] дата «{ $value }» не существует или не читается — поле пропущено
    [bad_phone] телефон «{ $value }» не распознан — пропущен
    [bad_email] email «{ $value }» некорректен — пропущен
    [bad_temperature] температура «{ $value }» непонятна — поставил «тёплый»
    [duplicate_row] повтор строки { $duplicateOf } ({ $field ->
        [externalId] тот же ID в CRM { $value }
        [email] тот же email { $value }
        [phones] тот же телефон { $value }
       *[name] то же имя и компания
    }) — объединил
    [too_long] слишком длинное значение в столбце «{ $column }» — обрезал
    [broken_quotes] сломаны кавычки
    [owner_not_you] ответственный «{ $value }» — не вы; загрузить можно только своих клиентов
    [not_your_client] этот клиент уже в базе у другого сотрудника
    [owner_unknown_id] ответственный с Telegram ID { $value } не найден в команде
   *[other] { $code }
}{ $severity ->
    [error] {" "}— строка не загрузится
   *[warning] {""}
}
import-preview-footer = Пока ничего не записано. Загрузить?
import-preview-footer-rejected = Пока ничего не записано. Строк с ошибками: { $n }. Можно исправить файл и прислать снова или загрузить только корректные строки.
import-preview-nothing = Загружать нечего: новых или изменившихся клиентов нет.
import-preview-nothing-but-notes = Новых или изменившихся клиентов нет. Можно взять найденное в примечаниях и загрузить только это.
import-button-go = ✅ Загрузить
import-button-valid = ✅ Загрузить только корректные
import-button-cancel = ✖️ Отмена

import-cancelled = Отменено, ничего не загружено.
import-has-rejected = В файле есть строки с ошибками ({ $n }), поэтому целиком его загрузить нельзя — данные не изменены. Исправьте файл и пришлите снова или загрузите только корректные строки.
import-toast-done = Загружено
import-toast-applied = Этот файл уже загружен.
import-toast-cancelled = Этот импорт отменён. Пришлите файл заново.
import-toast-already_cancelled = Этот импорт уже отменён.
import-toast-not_found = Этот импорт не найден. Пришлите файл заново.
import-toast-forbidden = Подтвердить импорт может только тот, кто прислал файл, или руководитель.
import-done =
    ✅ Готово. Новых клиентов: { $created }, обновлено: { $updated }, без изменений: { $unchanged }.
    Обещаний и сроков добавлено: { $commitments }. Без ответственного: { $unassigned }.
    Посмотреть клиентов — /clients.
import-done-changed = Пока вы смотрели предпросмотр, данные команды изменились, поэтому я пересчитал загрузку — цифры выше точные.
import-done-new-members = Добавлены в команду по имени: { $names }. Перешлите им ссылку-приглашение (/team): когда они её откроют, я свяжу их с этими клиентами. Или свяжите имя с сотрудником сами в /clients.
import-done-unassigned-hint = Клиентов без ответственного: { $n }. Их можно распределить командой /distribute.

## Список клиентов

clients-private-only = Клиентские данные я показываю только в личном чате. Напишите мне эту команду в личку.
clients-header-team = <b>Клиенты команды</b> — { $n }. Страница { $page } из { $pages }.
clients-header-mine = <b>Мои клиенты</b> — { $n }. Страница { $page } из { $pages }.
clients-filter-line = Фильтр: { $temperature ->
    [hot] 🔥 горячие
    [warm] 🌤 тёплые
    [cold] ❄️ холодные
   *[any] любая температура
}{ $owner ->
    [none] , без ответственного
    [member] , ответственный { $ownerName }
   *[any] {""}
}
clients-tap-hint = Нажмите на клиента, чтобы открыть карточку.
clients-empty-lead = Клиентов пока нет. Пришлите мне выгрузку из CRM или Excel (CSV или XLSX) или добавьте клиента командой /client.
clients-empty-manager = У вас пока нет клиентов. Пришлите мне файл со своими клиентами (CSV или XLSX) или добавьте клиента командой /client.
clients-empty-filtered = По этому фильтру клиентов нет.
clients-filter-unassigned = Без ответственного
clients-filter-owner = 👤 По менеджеру
clients-filter-owner-active = ✓ 👤 По менеджеру
clients-filter-all-owners = Все ответственные
clients-pick-owner = Чьих клиентов показать?
clients-names-button = 🔗 Связать имена из файла с сотрудниками
clients-names-pick = Эти ответственные известны мне только по имени из файла. Выберите имя, чтобы связать его с сотрудником в Telegram:
clients-names-none = Все ответственные уже связаны с сотрудниками в Telegram.
clients-names-pick-target = Кто из команды — «{ $name }»? Его клиенты перейдут к выбранному сотруднику.
clients-names-linked = Готово: «{ $name }» — это { $target }. Клиентов передано: { $n }.
clients-names-not_found = Это имя уже связано или удалено.
clients-names-bad_target = Этого сотрудника нет в команде или он не открывал бота.
clients-names-in_handover = По этому имени идёт передача дел — связать можно после её завершения.

## Карточка клиента

client-temperature = { $temperature ->
    [hot] горячий
    [cold] холодный
   *[warm] тёплый
}
client-card-title = 👤 <b>{ $name }</b>
client-card-company = Компания: { $company }
client-card-phones = Телефон: { $phones }
client-card-email = Email: { $email }
client-card-external = ID в CRM: { $id }
client-card-owner = Ответственный: { $owner }
client-card-owner-none = Ответственный: — (в пуле без ответственного)
client-card-previous-owner = Прежний ответственный: { $owner }
client-card-temperature = Температура: { $icon } { client-temperature }
client-card-next-contact = Следующий контакт: { $date }{ $overdue ->
    [yes] {" "}⚠️ просрочен
   *[no] {""}
}
client-card-last-contact = Последний контакт: { $date }
client-card-lost = ⛔ Клиент потерян.
client-card-notes = Примечание: { $notes }
client-card-commitments =
    <b>Обещания и сроки</b> ({ $n }):
    { $linesHtml }
client-card-no-commitments = Открытых обещаний и сроков нет.
client-card-commitment = • { $kind ->
    [document] 📄 документ
    [deadline] ⏰ срок
   *[promise] 🤝 обещание
}: { $text }{ $hasDue ->
    [yes] {" "}— до { $due }
   *[no] {""}
}{ $overdue ->
    [yes] {" "}⚠️ просрочено
   *[no] {""}
}
client-card-more = • …и ещё { $n }
client-card-history =
    <b>История</b>
    { $linesHtml }
client-card-event = • { $at } — { $whatHtml }
client-button-log-call = 📞 Записать звонок
client-button-add-commitment = ➕ Обещание или срок
client-button-change-owner = 👤 Сменить ответственного
client-button-back = ← Назад
client-button-open = Открыть карточку
client-not-found = Этого клиента нет среди доступных вам.
client-not-found-toast = Этот клиент вам недоступен.
client-pick-new-owner = Кому передать клиента «{ $name }»?
client-bad-owner-toast = Этого сотрудника нет в команде.
client-departing-owner-toast = Этот сотрудник уходит из команды: новых клиентов ему не передаю.
client-owner-same-toast = Клиент уже у этого сотрудника.
client-owner-changed-toast = Ответственный изменён.
client-assigned-notice = Вам передан клиент «{ $name }».
import-moved-one = По загруженному файлу «{ $file }» вам передан клиент «{ $name }».
import-moved-many = По загруженному файлу «{ $file }» вам { $count ->
        [one] передан { $count } клиент
        [few] переданы { $count } клиента
       *[many] передано { $count } клиентов
    }: { $names }{ $more ->
        [0] .
       *[other] { " " }и ещё { $more }.
    } Все ваши клиенты — в /clients.

## Добавление клиента

client-add-ask-name = Добавим клиента. Как его зовут (или как называется компания)? Отменить — /cancel.
client-add-name-invalid = Напишите имя клиента — от 1 до { $max } символов.
client-add-ask-phone = Телефон клиента? Например, +7 916 123-45-67. Если телефона нет — нажмите «Пропустить».
client-add-phone-invalid = Не могу распознать номер. Напишите его целиком, например +7 916 123-45-67 или 8 916 123 45 67, или нажмите «Пропустить».
client-add-ask-company = Компания клиента? Если не нужно — «Пропустить».
client-add-company-invalid = Напишите название компании (до 200 символов) или нажмите «Пропустить».
client-add-skip = Пропустить
client-add-ask-temperature = Насколько клиент «тёплый»?
client-add-pick-temperature = Выберите температуру кнопкой.
client-add-ask-owner = Кто будет ответственным?
client-add-owner-me = { $name } (я)
client-add-pick-owner = Выберите ответственного кнопкой.
client-add-done = ✅ Клиент добавлен.
client-add-duplicate = Клиент с таким телефоном уже есть в базе — вот его карточка. Новый не добавлял.
client-add-duplicate-other = Клиент с таким телефоном уже есть в базе у другого сотрудника. Новый не добавлял; если клиента нужно передать вам, попросите руководителя.
client-add-bad-owner = Выбранного сотрудника уже нет в команде. Начните заново: /client.

## Обещания и сроки вручную

client-commitment-kind = { $kind ->
    [document] 📄 Долг по документам
    [deadline] ⏰ Срок клиента
   *[promise] 🤝 Обещание клиенту
}
client-commitment-ask-what = Что обещали клиенту, какой документ должны или какой у клиента срок? Напишите одной фразой — дату из текста я возьму как срок: «договор до 30.11», «прислать КП к пятнице», «обещали бесплатную доставку». Отменить — /cancel.
client-commitment-draft = { $kind ->
    [document] 📄 Долг по документам
    [deadline] ⏰ Срок клиента
   *[promise] 🤝 Обещание клиенту
}: { $text }
    Срок: { $hasDue ->
        [yes] до { $due }
       *[no] нет — если есть, напишите дату («25.11», «к пятнице», «до конца месяца»)
    }
    Сохранить? Если я не угадал, что это, — поправьте кнопкой.
client-commitment-make-kind = { $kind ->
    [document] Это 📄 документ
    [deadline] Это ⏰ срок
   *[promise] Это 🤝 обещание
}
client-commitment-save = ✅ Сохранить
client-commitment-pick-kind = Выберите вариант кнопкой.
client-commitment-text-invalid = Напишите текст, хотя бы пару слов.
client-commitment-text-too-long = Слишком длинно — уложитесь в { $max } символов.
client-commitment-due-invalid = Не понял дату. Напишите, например, «25.11», «в пятницу» или «через неделю» — или нажмите «Сохранить».
client-commitment-due-past = Эта дата уже прошла. Укажите сегодняшнюю или будущую.
client-commitment-added = ✅ Добавлено.

## Выгрузка

export-empty = В команде пока нет клиентов — выгружать нечего.
export-caption = Клиенты команды: { $n }. Файл открывается в Excel и подходит для загрузки обратно в CRM.
export-h-name = ФИО
export-h-company = Компания
export-h-phones = Телефон
export-h-email = Email
export-h-external-id = Внешний ID
export-h-owner = Ответственный
export-h-previous-owner = Предыдущий ответственный
export-h-temperature = Температура
export-h-last-contact = Дата последнего контакта
export-h-next-contact = Дата следующего контакта
export-h-notes = Примечание
export-h-promises = Обещания
export-h-documents = Долги по документам
export-h-deadlines = Сроки
export-t-hot = горячий
export-t-warm = тёплый
export-t-cold = холодный
export-due-connector = до
client-button-delete = 🗑 Удалить
client-delete-ask = Удалить клиента «{ $name }» со всеми телефонами, заметками, обещаниями и звонками? Это нельзя отменить. В истории команды останется только «удалённый клиент #{ $id }».
client-delete-confirm = 🗑 Да, удалить навсегда
client-deleted = Клиент удалён. В истории команды осталось: удалённый клиент #{ $id }.
