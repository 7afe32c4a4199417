# Group chats: what continues in private, typed answers in a group, whose dialogue a button belongs to.

group-private-toast = Это — в личном чате: в группе я не показываю клиентов и условия ухода.
group-continue-private = Дальше — в личке: там клиенты и подробности, которые не для общего чата.
group-continue-private-dm = Продолжим здесь, в личном чате: в группе это увидели бы все.
group-continue-button = Продолжить
group-open-private = Открыть личный чат
group-dm-unreachable = Написать вам первым я не могу: откройте @{ $bot } и нажмите «Старт».
group-command-private = /{ $command } — только в личном чате: здесь это увидели бы все. Напишите мне эту команду в личку.
group-continue-here = Продолжим здесь. Нажмите кнопку:
group-type-answer = ✍️ Ответьте на это сообщение (Reply): так я увижу ваш текст.
dialogue-of = Это диалог, который ведёт { $name }.

offboard-continue-private = Уходит { $name }. Условия ухода, последний день и что на кону — продолжим в личке.
offboard-continue-private-dm = Продолжим передачу дел здесь: уходит { $name }. В группе будет виден только ход передачи.
offboard-continue-button = Продолжить передачу
offboard-who-placeholder = Имя уходящего
offboard-checklist-in-group = Чек-лист опубликован в группе команды: там виден ход передачи, без условий ухода.
checklist-skip-placeholder = Почему шаг не нужен
checklist-due-placeholder = Срок, например 28.11
checklist-subtitle-group = Последний рабочий день { $lastDay }
checklist-audit-handover_started-group = { $when } — { $who } начал(а) передачу (последний день { $lastDay })
