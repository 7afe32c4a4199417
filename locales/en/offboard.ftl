# /offboard: the dialogue, the checklist, the interview, the leaver's form, the summary.

## The /offboard dialogue

offboard-ask-who = Who is leaving? Choose the person (⏳ — a handover is already under way). You can also type a name. To stop, send /cancel.
offboard-type-name = If the person is not among the buttons, type their name.
offboard-mark-lead = lead
offboard-mark-name-only = name only
offboard-who-unknown = I found nobody called “{ $name }” in the team. Choose a button or type the name as /team shows it.
offboard-who-ambiguous = Several people match “{ $name }”. Please choose with a button.
offboard-who-gone = This person is no longer in the team. Please choose someone else.
offboard-choose-button = Please choose one of the buttons under the message.
offboard-nobody = There is nobody in the team to offboard yet. Invite your managers — the link is in /team.
offboard-self-only-lead = You are the team's only lead. To offboard yourself, first invite another lead (/invite): someone has to confirm the handover's steps.
offboard-already = A handover for { $name } is already under way. Open its checklist with the button below, or choose someone else.
offboard-button-open-checklist = Open the checklist
offboard-restarted = Starting over.

offboard-ask-terms = How is { $name } leaving?
offboard-terms-good = 🤝 On good terms
offboard-terms-bad = ⚡️ On bad terms
offboard-ask-last-day = { $name }'s last working day? Tap a button or type a date: “25.11”, “25.11.2026”, “friday”, “tomorrow”.
offboard-ask-last-day-again = All right, type the correct last working day.
offboard-day-today = Today
offboard-day-tomorrow = Tomorrow
offboard-day-unparsed = I could not read “{ $text }” as a date. Try “25.11”, “25.11.2026”, “friday” or “tomorrow”.
offboard-day-past = { $date } is already past. Did they really leave on that day?
offboard-day-past-yes = Yes, { $date }
offboard-day-past-no = No, another date
offboard-day-too-far = { $date } is more than a year away. Please check the date and type it again.
offboard-group-reply-hint = (In a group, answer by replying to this message — otherwise Telegram does not show me your text.)

offboard-stake-title = <b>What is at stake: { $name }</b>
offboard-stake-terms = { $terms ->
    [bad] Leaving on bad terms
   *[good] Leaving on good terms
}, last working day { $date }.
offboard-stake-no-clients = { $name } has no clients in the bot.
offboard-stake-clients = Clients: <b>{ $total }</b> — 🔥 hot { $hot }, 🌤 warm { $warm }, ❄️ cold { $cold }.
offboard-stake-no-commitments = No open commitments are recorded.
offboard-stake-commitments = Open commitments: <b>{ $open }</b> — documents owed { $documents }, promises { $promises }, client deadlines { $deadlines }.
offboard-stake-soon = Due in the next 7 days ({ $count }):
offboard-stake-soon-line = • { $date } — { $client }: { $text }
offboard-stake-more = …and { $count } more.
offboard-stake-next-contacts = Next contacts due in the next 7 days: { $count }.
offboard-stake-overdue-commitments = ⚠️ Commitments already overdue: <b>{ $count }</b>.
offboard-stake-overdue-contacts = ⚠️ Clients whose next contact is overdue: <b>{ $count }</b>.
offboard-note-self = You are offboarding yourself: another lead will confirm the steps.
offboard-note-lead = { $name } is a lead. They keep their access until the handover closes, but cannot confirm the steps of their own handover.
offboard-note-only-manager = Apart from { $name }, the team has no managers to take the clients. At the distribution step, tap “Take them myself” — the clients will move to you.
offboard-note-no-clients = The “{ checklist-step-redistribute }” and “{ checklist-step-reactivation }” steps will complete by themselves. If there are clients in your CRM, send me the export — new clients of the leaver will land in the unassigned pool.
offboard-stake-confirm = Start the handover? They'll be marked as leaving right away, and no new clients will be assigned to them.
offboard-button-confirm = ✅ Start the handover
offboard-button-abort = Cancel
offboard-aborted = All right, no handover started. Nothing was saved.
offboard-checklist-not-posted = The handover is created, but I could not post its checklist. Open it with /offboard.

offboard-group-not-linked = This group is not linked to your team. Link it with /link, or send /offboard to me in a private chat.
offboard-group-not-linked-toast = This group is not linked to your team.

offboard-list-title = Handovers in progress: { $count }.
offboard-list-line = • { $leaver } — { $barHtml }, last day { $lastDay }
offboard-button-open = Open:
offboard-button-new = ➕ New handover
offboard-button-template = 🧩 Checklist template

## The leaver's form (in the leaver's private chat)

offboard-form-invite =
    { $name }, your lead ({ $lead }) asks for your help with the handover.

    I will show you your clients one by one. For each, write what is still open — promises, documents, deadlines (e.g. “promised a quote by Friday”) — or tap “Nothing open”. It takes a few minutes and helps your colleagues a lot.
offboard-form-button-start = ▶️ Start
offboard-form-unavailable = This form is no longer needed: the handover is closed or cancelled. Thank you!
offboard-form-unavailable-toast = This form is no longer needed.
offboard-form-intro = Clients: { $count }. Hot ones first. You can stop at any time with “Finish” — everything written is kept.
offboard-form-client =
    <b>{ $index }/{ $total }. { $name }</b> — { $temperature ->
        [hot] 🔥 hot
        [cold] ❄️ cold
       *[warm] 🌤 warm
    }
    What is still open with this client? Write it, or tap a button.
offboard-form-button-nothing = Nothing open
offboard-form-button-skip = Skip
offboard-form-button-end = Finish
offboard-form-button-next = Next ›
offboard-form-button-no-date = No date
offboard-form-type-or-tap = Write what is still open, or tap a button.
offboard-form-text-invalid = Please write 2 to { $max } characters.
offboard-form-ask-date = Due by when? Type a date (“30.11”, “friday”) or tap “No date”.
offboard-form-date-unparsed = I could not read “{ $text }” as a date. Try “30.11” or “friday”, or tap “No date”.
offboard-form-saved = Noted{ $hasDue ->
    [yes] , due { $due }
   *[no] {""}
}. Anything else with this client? Write it, or tap “Next”.
offboard-form-client-gone = This client is no longer on the list — skipping.
offboard-form-thanks = Thank you! Your lead will get a summary of what you wrote.
offboard-form-no-clients = You have no clients in the bot — nothing to fill in. Thank you!
offboard-form-summary-title = 📝 <b>{ $leaver } filled in the handover form</b>
offboard-form-summary-counts = Clients reviewed: { $reviewed } of { $total }; commitments recorded: { $recorded }; “nothing open”: { $nothing }; skipped: { $skipped }.
offboard-form-summary-line = • { $client }: { $text }{ $hasDue ->
    [yes] {" "}(by { $due })
   *[no] {""}
}

## The checklist message

checklist-title = 📋 <b>Handover: { $leaver }</b>
checklist-subtitle = { $terms ->
    [bad] Leaving on bad terms
   *[good] Leaving on good terms
} · last working day { $lastDay }
checklist-progress = Progress: { $barHtml }
checklist-closed = ✅ <b>Handover complete</b> { $date }
checklist-cancelled = ✖️ <b>Handover cancelled</b>
checklist-step-line = { $position }. { $title }
checklist-step-meta = 👤 { $responsible } · 📅 { $due }{ $overdue ->
    [yes] {" "}· ⚠️ overdue
   *[no] {""}
}
checklist-step-skipped = skipped: { $reason }
checklist-nobody = nobody
checklist-auto-redistribute = completes by itself once the clients are distributed (with the leaver: { $owned }, in the pool: { $unassigned })
checklist-auto-reactivation-waiting = completes by itself once every client has been called (calls appear after the distribution)
checklist-auto-reactivation = completes by itself once every call is resolved: { $done } of { $total }
checklist-auto-final = completes by itself once every step is closed and no client is left without an owner
checklist-interview-recorded = 📝 commitments recorded: { $count }
checklist-step-chosen = 👉 <b>Step { $position }</b>: { $title }
    Choose an action.
checklist-choose-responsible = 👤 Who is responsible for step { $position } “{ $title }”?
checklist-cancel-confirm = Cancel the handover of { $leaver }? They become active again and are told so. Recorded commitments and the history are kept; clients already given to others stay with their new managers (to give them back, undo the distribution before cancelling), and their "after the handover" calls are cancelled.
checklist-moved = 📋 The handover checklist of { $leaver } has moved below.
checklist-name-only-mark = (name only)

checklist-step-stop_routing = Stop routing new leads and incoming calls to the leaver (CRM and telephony)
checklist-step-revoke_access = Change passwords, revoke access, block exporting the client base from the CRM, forward the work email and phone
checklist-step-interview = Handover interview: record every open commitment (promises, documents owed, client deadlines)
checklist-step-redistribute = Redistribute the whole client base
checklist-step-reactivation = A reactivation call to every client by their new manager
checklist-step-crm_update = Enter the new owners in the CRM (the /export file)
checklist-step-final_check = Final check: no client is left without an owner
checklist-step-custom = Additional step

checklist-short-stop_routing = Leads and calls
checklist-short-revoke_access = Access and passwords
checklist-short-interview = Interview
checklist-short-redistribute = Distribution
checklist-short-reactivation = Calls
checklist-short-crm_update = Owners in the CRM
checklist-short-final_check = Final check
checklist-short-custom = Step

checklist-button-done = ✅ Done
checklist-button-skip = ⏭ Skip
checklist-button-responsible = 👤 Responsible
checklist-button-due = 📅 Due date
checklist-button-back = « Back
checklist-button-history = 📜 History
checklist-button-refresh = 🔄 Refresh
checklist-button-cancel = ✖️ Cancel the handover
checklist-button-cancel-yes = Yes, cancel it
checklist-button-cancel-no = « No
checklist-button-distribute = 📦 Distribute
checklist-button-interview = 📝 Record commitments
checklist-button-form = 📨 Send the leaver a form
checklist-button-input-cancel = Cancel
checklist-button-interview-end = ✅ Done, nothing more
checklist-button-interview-step-done = ✅ Mark the interview done
checklist-button-run-done = { $count ->
    [one] ✅ { $from } done
   *[other] ✅ { $from }–{ $to } done
}
checklist-toast-run-done = Steps marked as done.
checklist-interview-step-closed = ✅ The checklist's interview step is done.
checklist-button-commitment-remove = 🗑 Remove

checklist-own-handover = Another lead confirms the steps of your own handover.
checklist-toast-done = Step marked done.
checklist-toast-responsible = Responsible person set.
checklist-toast-refreshed = Refreshed.
checklist-toast-cancelled = Handover cancelled; the person is active again.
checklist-toast-closed = Every step is closed — the handover is complete! A summary is on its way to your private chat.
checklist-skipped = Step { $position } skipped; the reason is recorded.

checklist-refused-not_found = This step no longer exists.
checklist-refused-not_active = This handover is already closed or cancelled.
checklist-refused-not_open = This step is already closed.
checklist-refused-verified = This step completes by itself once the bot sees the result.
checklist-refused-clients_left = It cannot be skipped: the leaver still has clients, or they sit in the pool without an owner. Distribute them first.
checklist-refused-final = The final check cannot be skipped: it closes by itself.
checklist-refused-bad_member = This person cannot be made responsible.
checklist-refused-bad_reason = The reason must be 2 to 500 characters long.
checklist-refused-bad_date = I could not read the date.

checklist-ask-skip-reason = Why skip step { $position } “{ $title }”? Type the reason or choose a ready one.
checklist-ask-skip-reason-again = Type the reason for skipping, or choose a ready one.
checklist-reason-not-needed = Not needed
checklist-reason-outside = Done outside the bot
checklist-skip-reason-invalid = The reason must be 2 to { $max } characters long.
checklist-input-cancelled = All right, nothing changed.
checklist-ask-due = New due date for step { $position } “{ $title }”? Tap a button or type a date: “27.11”, “friday”.
checklist-due-last-day = Last day
checklist-due-unparsed = I could not read “{ $text }” as a date. Try “27.11” or “friday”.
checklist-due-past = { $date } is already past. Choose today or later.
checklist-due-set = Step { $position } is now due { $date }.

checklist-history-title = 📜 <b>Handover history: { $leaver }</b> ({ $count } entries)
checklist-history-empty = No entries yet.
checklist-history-bot = the bot
checklist-history-earlier = « Earlier
checklist-history-later = Later »
checklist-audit-handover_started = { $when } — { $who } started the handover ({ $terms ->
    [bad] bad terms
   *[good] good terms
}, last day { $lastDay })
checklist-audit-handover_cancelled = { $when } — { $who } cancelled the handover
checklist-audit-handover_closed = { $when } — the handover is complete
checklist-audit-step_done = { $when } — { $who }: step { $step } done
checklist-audit-step_auto_done = { $when } — { $who }: step { $step } completed automatically
checklist-audit-step_auto_reopened = { $when } — { $who }: step { $step } reopened (distribution undone)
checklist-audit-step_skipped = { $when } — { $who }: step { $step } skipped — “{ $reason }”
checklist-audit-step_responsible = { $when } — { $who }: { $member } is responsible for step { $step }
checklist-audit-step_due = { $when } — { $who }: step { $step } moved from { $from } to { $to }
checklist-audit-commitment_added = { $when } — { $who }: commitment recorded ({ $kind ->
    [document] document
    [deadline] client deadline
   *[promise] promise
}{ $source ->
    [leaver] , from the leaver's form
   *[lead] {""}
})
checklist-audit-commitment_kind = { $when } — { $who }: commitment type changed to “{ $to ->
    [document] document
    [deadline] client deadline
   *[promise] promise
}”
checklist-audit-commitment_removed = { $when } — { $who }: commitment removed
checklist-audit-leaver_form_sent = { $when } — { $who } sent the form to the leaver
checklist-audit-leaver_form_done = { $when } — { $who } filled in the form: { $count } recorded
checklist-audit-template_changed = { $when } — { $who } changed the checklist template
checklist-audit-distribution_applied = { $when } — { $who } distributed the clients: { $moved } moved{ $toPool ->
    [0] {""}
   *[other] , { $toPool } waiting in the unassigned pool
}
checklist-audit-distribution_undone = { $when } — { $who } undid the distribution: { $returned } { $returned ->
    [one] client
   *[other] clients
} returned

## The interview typed by the lead

checklist-interview-intro =
    📝 <b>Interview: { $leaver }'s commitments</b> ({ $count } clients)

    Write one commitment per message, for example:
    “Ivanov — contract by 30.11”
    “Petrova: call back on 2 December”
    I guess the type (promise, document, deadline) from the words — you can correct it with the buttons. When you are done, tap “Done”.
checklist-interview-format = I did not get that. Write it like “Client — what was promised [by date]”, e.g. “Ivanov — contract by 30.11”.
checklist-interview-unknown = I found no “{ $name }” among { $leaver }'s clients. Check the spelling — part of the name or the company will do.
checklist-interview-too-many = { $count } clients match “{ $name }”. Please be more specific: full name or company.
checklist-interview-which = Which client do you mean by “{ $name }”?
checklist-interview-none-of-them = None of them
checklist-interview-not-saved = All right, not recorded. Write the next commitment or tap “Done”.
checklist-interview-dropped = The line about “{ $name }” was not recorded — reading the new one.
checklist-interview-type-or-end = Write a commitment or tap “Done”.
checklist-interview-no-clients = { $leaver } has no clients in the bot — there is nobody to record commitments for. If there are clients in your CRM, send me the export first.
checklist-interview-finished = Commitments recorded: { $count }. They move to the new owners together with their clients.
checklist-commitment-saved = ✍️ { $client }: { $text }
    { $kind ->
    [document] 📄 document
    [deadline] ⏰ client deadline
   *[promise] 🤝 promise
    }{ $hasDue ->
    [yes] {" "}· by { $due }
   *[no] {" "}· no date
    }
checklist-commitment-removed = <s>{ $client }: { $text }</s> — removed
checklist-commitment-updated = Corrected.
checklist-commitment-unchanged = Already so.
checklist-kind-promise = 🤝 Promise
checklist-kind-document = 📄 Document
checklist-kind-deadline = ⏰ Deadline

checklist-form-unreachable = { $name } has not opened the bot or has blocked it — the form cannot reach them. Record the commitments yourself with “Record commitments”.
checklist-form-sent-toast = Form sent.
checklist-form-sent = 📨 I sent the form to { $name }. When they fill it in, I will send you a summary.

## The team's checklist template

checklist-template-title =
    🧩 <b>The team's checklist template</b>
    New handovers get these steps; the ones already started do not change. 🤖 — steps the bot completes by itself (they cannot be removed).
checklist-template-line = { $position }. { $auto ->
    [yes] 🤖{" "}
   *[no] {""}
}{ $title } — { $offset }
checklist-offset-asap = at once, on the start day
checklist-offset-button-asap = At once
checklist-offset = { $dir ->
    [same] on the last working day
    [before] { $days } { $days ->
        [one] day
       *[other] days
    } before the last day
   *[after] { $days } { $days ->
        [one] day
       *[other] days
    } after the last day
}
checklist-template-hint = Choose a step to change it.
checklist-template-step-chosen = 👉 <b>Step { $position }</b>: { $title }
checklist-template-button-add = ➕ Add a step
checklist-template-button-reset = ↺ Default
checklist-template-button-close = Done
checklist-template-button-rename = ✏️ Reword
checklist-template-button-offset = 📅 Due date
checklist-template-button-remove = 🗑 Remove
checklist-template-button-remove-yes = Yes, remove it
checklist-template-button-reset-yes = Yes, back to the default
checklist-template-button-default-wording = ↩️ Default wording
checklist-template-remove-confirm = Remove step { $position } “{ $title }” from the template?
checklist-template-reset-confirm = Go back to the default seven-step template? Your changes to the template will be lost (handovers already started do not change).
checklist-template-closed = Template saved.
checklist-template-saved = Template saved.
checklist-template-ask-title = What should the new step say? Type its text (e.g. “Collect the laptop and the pass”).
checklist-template-ask-rename = New wording for the step “{ $title }”?
checklist-template-ask-offset = When is it due? Tap a button or type a number of days relative to the last working day: “-1” — the day before, “0” — on the last day, “+2” — two days after, “now” — on the day the handover starts.
checklist-template-title-invalid = The step's text must be 2 to { $max } characters long.
checklist-template-offset-invalid = I did not get that. Type a number from -60 to +60 (e.g. “-1”, “0”, “+2”) or “now”.
checklist-template-refused-not_found = This step is no longer in the template.
checklist-template-refused-required = The bot checks this step itself — without it nobody can guarantee that no client is lost. It cannot be removed.
checklist-template-refused-fixed_last = The final check is always last.
checklist-template-refused-edge = It cannot move any further.
checklist-template-refused-too_many = The template already has 20 steps — that is the maximum.
checklist-template-refused-bad_title = The step's text must be 2 to 200 characters long.
checklist-template-refused-bad_offset = The due date must be -60 to +60 days, or “now”.

## The summary when a handover closes

handover-summary-title = ✅ <b>Handover complete: { $leaver }</b>
handover-summary-period = From { $from } to { $to }; last working day { $lastDay }.
handover-summary-none-transferred = There were no clients to hand over.
handover-summary-transferred = Clients handed over: <b>{ $count }</b>
handover-summary-owner-line = • { $name } — { $count }
handover-summary-more = …and { $count } more.
handover-summary-commitments = Commitments recorded during the handover: { $count }
handover-summary-calls = Reactivation calls: { $done } of { $total } resolved, reached — { $reached }, lost — { $lost }.
handover-summary-skipped = Skipped steps:
handover-summary-skipped-line = • { $step } — “{ $reason }”
handover-summary-left = { $leaver } is marked as having left: no tasks or clients are assigned to them any more.
handover-summary-open = 📋 Checklist and history

offboard-cancelled-calls = The handover of { $leaver }'s work was cancelled: { $leaver } stays in the team. The reactivation { $count ->
        [one] call to { $count } client is
       *[other] calls to { $count } clients are
    } off your list: the clients stay yours, call them as usual, with no word of anyone leaving.
offboard-cancelled-you =
    ✅ The handover of your work in «{ $team }» was cancelled: you stay in the team, and your clients are open to you again.{ $moved ->
        [0] {""}
       *[other] {" "}Clients already given to colleagues ({ $moved }) stay with them.
    }{ $returned ->
        [0] {""}
       *[other] {" "}Clients from the unassigned pool ({ $returned }) are yours again.
    }
