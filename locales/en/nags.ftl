# Nags (cron reminders and escalations), /status, delivery.

nag-more = …and { $count } more
nag-button-distribute = Distribute now
nag-button-today = Open my list for today
nag-button-checklist = Checklist: { $name }

## Clients without a manager

nag-unassigned-title = 🗂 <b>{ $count ->
    [one] { $count } client without a manager
   *[other] { $count } clients without a manager
}</b>: nobody is calling them right now.
nag-unassigned-oldest = Waiting longest:
nag-unassigned-item = • { $name } — { $days ->
    [0] since today
    [one] { $days } day
   *[other] { $days } days
}
nag-unassigned-handover = A handover is in progress: distribute the clients before they go cold.
nag-unassigned-action = Distributing takes one tap: I will propose a fair split between the managers.

## Deadlines of commitments

nag-deadline-title = ⏰ <b>Client deadlines</b>
nag-deadline-overdue = <b>Overdue — { $count }:</b>
nag-deadline-soon = <b>Due soon — { $count }:</b>
nag-deadline-item = • { $client }: { $text } ({ nag-commitment-kind }) — { nag-when }
nag-deadline-team = <b>Overdue in the team:</b>
nag-deadline-owner = { $owner } — { $count }:
nag-deadline-nobody = Nobody responsible — { $count }:
nag-commitment-kind = { $kind ->
    [promise] promise
    [document] documents
   *[deadline] client deadline
}
nag-when = { $state ->
    [overdue] was due { $date }
    [today] today
    [tomorrow] tomorrow
   *[later] by { $date }
}

## Calls not made

nag-calls-title = 📞 <b>{ $count ->
    [one] { $count } call not made
   *[other] { $count } calls not made
}</b>: they are past due.
nag-calls-item = • { $client } — waiting since { $date }
nag-calls-action = These clients are waiting for your call: open the list and call them today.
nag-calls-lead-title = 📞 <b>Calls overdue by 2 working days or more — { $count }</b>
nag-calls-lead-line = • <b>{ $manager }</b> — { $count } (oldest since { $date }): { $clients }
nag-calls-lead-action = A client nobody calls after their manager left is the first to go. Have a word with the managers.

## Checklist steps

nag-checklist-title = ✅ <b>Handover steps</b>
nag-checklist-handover = <b>{ $leaver }</b>, last day { $lastDay }:
nag-checklist-step = • { $step } — { $overdue ->
    [yes] overdue since { $date }
   *[no] due today
}
nag-checklist-step-of = • { $step } — { $overdue ->
    [yes] overdue since { $date }
   *[no] due today
} (responsible: { $responsible })
nag-step = { $kind ->
    [stop_routing] Stop routing new leads and calls to the leaver
    [revoke_access] Change passwords and revoke access
    [interview] Handover interview
    [redistribute] Redistribute the whole client base
    [reactivation] A reactivation call to every client
    [crm_update] Enter the new owners in the CRM
    [final_check] Final check
   *[custom] Checklist step
}

## People the bot cannot write to

nag-unreachable-title = 📵 <b>These people do not get my messages</b> — no call lists, no reminders:
nag-unreachable-line = • { $name } — { $reason ->
    [blocked] blocked the bot
    [never_started] has not opened the bot yet
   *[name_only] known only from an import, has not opened the bot
}
nag-unreachable-link = Forward them this link: once they open it and tap Start, my messages will reach them.
    { $link }
nag-unreachable-link-lead = For leads, this link:
    { $link }
nag-unreachable-once = I say this once; the list is always in /team.

## /status

status-title = 📬 <b>Message delivery</b>
status-all-clear = Everything was delivered: nothing is waiting and nothing failed in the last 7 days.
status-pending-title = <b>Waiting to be sent — { $count }:</b>
status-pending-line = • { status-kind }: { $count }{ $retrying ->
    [0] {""}
   *[other] , of which { $retrying } wait for a retry after an error
}
status-failed-title = <b>Not delivered in the last 7 days — { $count }:</b>
status-failed-kind-line = • { status-kind }: { $count }
status-recent-title = Latest failures:
status-failed-line = • { $at } — { $who }, { status-kind }: { status-reason }
status-reason = { $reason ->
    [blocked] blocked the bot
    [never_started] has not opened the bot
    [rejected] Telegram refused the message ({ $raw })
    [gave_up] could not be sent after several tries ({ $raw })
   *[other] { $raw }
}
status-kind = { $kind ->
    [nag_unassigned] clients without a manager
    [nag_deadline] client deadlines
    [nag_calls] calls not made
    [nag_checklist] checklist steps
    [nag_unreachable] unreachable people
    [digest] daily list
    [call_attempts] unanswered calls
    [client_assigned] clients assigned to managers
    [clients_received] clients handed over
    [clients_taken_back] distribution undone
    [handover_closed] handover summaries
    [leaver_form] leaver's form
   *[other] { $kind }
}
status-dropped-title = <b>Not sent to people leaving the team in the last 7 days — { $count }</b> (their access to clients is closed by the handover):
status-dropped-line = • { $who }: { $count }
status-who-group = the team's group
status-who-chat = chat { $chatId }
status-unreachable = Not receiving messages: { $names }. Details: /team.
status-refresh = Refresh
status-refreshed = Refreshed
