# Calls: call cards and outcomes, the daily list (/today and the morning digest), /report and /script.

## Call card

call-card-title = 📞 <b>{ $client }</b>{ $temperature ->
    [hot] {" "}· 🔥 hot
    [cold] {" "}· ❄️ cold
   *[warm] {" "}· warm
}
call-card-company = Company: { $company }
call-card-phones = Phone: { $phones }
call-card-no-phone = No phone number — take it from the CRM or write an email.
call-card-email = Email: { $email }
call-card-owner = Owner: { $name }
call-card-previous-owner = Previous manager: { $name }
call-card-last-contact = Last contact: { $date }
call-card-next-contact = Next contact: { $date }
call-card-kind = { $kind ->
    [second_voice] Second-voice touch
    [reactivation] Reactivation call
   *[ordinary] Call
} · { $overdue ->
    [yes] ⚠️ overdue, was due { $date }
   *[no] due { $date }
}{ $time ->
    [none] {""}
   *[other] {" "}at { $time }
}
call-card-assignee = Caller: { $name }
call-card-attempts = 📵 No answer: { $count } · next { $next ->
    [over] (more than { $max } tries, the lead knows)
   *[other] attempt { $next } of { $max }
} — { $date }
call-card-promised = 📌 Also the promised call: the client was promised a call back on { $date }{ $time ->
    [none] {""}
   *[other] {" "}at { $time }
}
call-card-no-call = No open call. Call the client and record how it went.
call-card-commitments = <b>Open commitments and deadlines:</b>
call-card-commitment = • { $dueHtml }{ $text }
call-card-commitment-due = <b>by { $date }</b> —{" "}
call-card-commitment-overdue = <b>⚠️ overdue, was due { $date }</b> —{" "}
call-card-history = <b>History:</b>
call-card-history-line = • { $date } — { $whatHtml }
call-card-script = <b>Call script</b>{ $terms ->
    [bad] {" "}(left on bad terms)
   *[good] {" "}(left on good terms)
}:
call-card-ordinary-hint = What matters most at the end of the call: agree when the client may need us next and record the date of the next contact.
call-card-more-commitments = …and { $count } more
call-card-view-only = The outcome can be recorded by { $name } or a lead.

call-event = { $kind ->
    [call_reached] 📞 reached, next contact { $date }
    [call_no_answer] 📵 no answer, attempt { $attempts } of { $max }{ $date ->
        [none] {""}
       *[other] , next try { $date }
    }
    [call_callback] 🕑 asked to call back { $date }
    [call_lost] ✖️ client lost: { call-lost-reason }
    [call_note] 📝 note: { $note }
    [created] ➕ client added by hand
    [imported] 📥 imported from a file
    [updated] 📥 updated from a file{ $ownerChanged ->
        [yes] , owner: { call-event-from } → { call-event-to }
       *[no] {""}
    }
    [owner_changed] 👤 owner: { call-event-from } → { call-event-to }
    [owner_linked] 👤 name from a file linked to a member: { call-event-from } → { call-event-to }
    [assigned] 🤝 handed over: { call-event-from } → { call-event-to }
    [unassigned] { $undo ->
        [yes] ↩️ distribution undone, client back in the unassigned pool (was with { call-event-from })
       *[no] 📤 to the unassigned pool (was with { call-event-from })
    }
    [commitment_added] 📌 added: { call-event-commitment }{ $date ->
        [none] {""}
       *[other] {" "}due { $date }
    }
    [commitment_done] ✅ done: { call-event-commitment }
   *[other] history entry
}{ $actor ->
    [none] {""}
   *[other] {" "}({ $actor })
}
call-event-from = { $from ->
    [none] unassigned pool
   *[other] { $from }
}
call-event-to = { $to ->
    [none] unassigned pool
   *[other] { $to }
}
call-event-commitment = { $commitment ->
    [document] document owed
    [deadline] client deadline
    [promise] promise
   *[other] promise or deadline
}

call-lost-reason = { $reason ->
    [went_with_leaver] follows the previous manager
    [competitor] went to a competitor
    [no_need] no longer needs us
   *[other] other reason
}

## Card buttons

call-btn-reached-or-wrote = ✅ Spoke or wrote to them
call-btn-reached = ✅ Reached
call-btn-no-answer = 📵 No answer
call-btn-callback = 🕒 Call back at…
call-btn-lost = ✖️ Lost
call-btn-back = ← Back
call-btn-week = +1 week
call-btn-month = +1 month
call-btn-3months = +3 months
call-btn-6months = +6 months
call-btn-type-date = ✏️ Other date
call-btn-skip = Skip
call-btn-cancel = Cancel
call-btn-lost-reason = { call-lost-reason }
call-pick-next = When is the next contact? Pick a period or type a date.
call-pick-reason = Why is the client lost?

## Outcomes shown on the card

call-outcome-reached = ✅ <b>Reached</b> { $date }{ $by ->
    [none] {""}
   *[other] {" "}({ $by })
}. Next contact: <b>{ $next }</b>{ $kept ->
    [yes] {" "}— the owner's date stays ({ $owner }): the chosen { $asked } does not push it back
   *[no] {""}
}.
call-outcome-lost = ✖️ <b>Client lost</b> { $date }: { call-lost-reason }{ $by ->
    [none] {""}
   *[other] {" "}({ $by })
}.
call-outcome-cancelled = { $kind ->
    [second_voice] This second-voice touch was cancelled: the client changed owner or was lost, or the caller left the team.
   *[other] This call was cancelled: the client distribution was undone.
}
call-outcome-moved = 📵 No answer — attempt { $attempts }. The call moved to { $date }.
call-outcome-callback = 🕒 Call back { $date }{ $time ->
    [none] {""}
   *[other] {" "}at { $time }
}.

## Toasts

call-toast-forbidden = Only the responsible manager or a lead can record the outcome.
call-toast-resolved = The outcome is already recorded.
call-toast-stale = This card was out of date: the client's call has changed since. Here it is as it stands now: tap again.
call-toast-not-found = This call no longer exists.
call-toast-hidden = You cannot open this client.
call-toast-moved = Moved to { $date }.
call-toast-saved = Saved.
call-toast-private = Call cards open in a private chat with me.

## Typed answers

call-ask-next-date = Type the date of the next contact, e.g. “in 2 weeks”, “15.03” or “next friday”.
call-next-date-invalid = I couldn't read “{ $text }” as a date. Try “15.03”, “in a month” or “next friday”.
call-next-date-range = The next contact must be after today and within two years.
call-ask-callback = When should we call back? Type a date and, if needed, a time: “tomorrow 3pm”, “25.11 10:30”, “monday”.
call-callback-invalid = I couldn't read “{ $text }” as a date. Try “tomorrow 15:00” or “25.11”.
call-callback-range = That time has passed or is too far away. Type a date from today to two years ahead.
call-ask-note = Saved. Anything to note about the conversation? Type it or tap “Skip”.
call-note-saved = Note saved.
call-note-skipped = OK, no note.
call-note-too-long = That note is a bit long: up to { $max } characters, please.
call-dialog-cancelled = OK, cancelled. The call card is unchanged.

## Lead alert after unanswered attempts

call-lead-alert = 📵 { $manager } cannot reach <b>{ $client }</b>: { $attempts } attempts without an answer. Perhaps another number or channel is needed.
call-lead-alert-button = Open the card

## Daily list (/today and the morning digest)

today-title = <b>Your list for { $date }</b>
digest-title = Good morning! <b>Your list for { $date }</b>
today-counts = { $total ->
    [0] Nothing to do today.
   *[other] Total: <b>{ $total }</b> · overdue: { $overdue } · calls: { $calls } · contacts: { $contacts } · deadlines: { $deadlines }
}
today-section-overdue = ⚠️ <b>Overdue calls</b> ({ $count })
today-section-calls = 📞 <b>Calls for today</b> ({ $count })
today-section-contacts = 🗓 <b>Next contact due</b> ({ $count })
today-section-deadlines = ⏰ <b>Commitment deadlines</b> ({ $count })
today-entry-call = { $n }. { $clientHtml }{ $kind ->
    [second_voice] {" "}— 🗣 second voice
    [reactivation] {" "}— reactivation
   *[ordinary] {""}
}{ $time ->
    [none] {""}
   *[other] , at { $time }
}{ $overdue ->
    [yes] , was due { $date }
   *[no] {""}
}{ $attempts ->
    [0] {""}
   *[other] {" "}· unanswered: { $attempts }
}
today-entry-contact = { $n }. { $clientHtml }{ $overdue ->
    [yes] {" "}— contact was planned for { $date }
   *[no] {""}
}
today-entry-deadline = { $n }. { $clientHtml }: { $text } — { $overdue ->
    [yes] ⚠️ overdue, was due { $date }
   *[no] today
}
today-empty = No calls, contacts or deadlines today. Have a good day!
today-more = …and { $count } more. See them all in /today.
today-page = Page { $page } of { $pages }
today-btn-prev = ← Back
today-btn-next = Next →
today-btn-open = Open my calls
today-hint = Tap a number to open the client's card with the script.

## /report

report-title = <b>Client handover report</b> — { $date }
report-empty = Nothing to show yet: no client distribution with calls.
report-handover = <b>{ $leaver }</b> → handover { $status ->
    [active] in progress
    [closed] finished
   *[other] cancelled
}{ $terms ->
    [bad] , left on bad terms
   *[good] {""}
}, last day { $lastDay }
report-pool = <b>Clients from the unassigned pool</b>
report-progress = { $barHtml } { $percent }% · called { $done } of { $total }
report-totals = Clients transferred: { $total } · reached: { $reached } · not answering: { $noAnswer } · lost: { $lost } · next contact set: { $nextSet } · overdue calls: { $overdue }
report-lost-reasons = Reasons for losses: { $reasonsHtml }
report-lost-reason-item = { call-lost-reason } — { $count }
report-manager = • { $name }: { $barHtml } { $done }/{ $total } · ✅ { $reached } · 📵 { $noAnswer } · ✖️ { $lost } · 🗓 { $nextSet }{ $overdue ->
    [0] {""}
   *[other] {" "}· ⚠️ overdue { $overdue }
}
report-legend = ✅ reached · 📵 not answering · ✖️ lost · 🗓 next contact set

## /script

script-title = <b>Call scripts after a manager leaves</b> ({ $locale ->
    [en] English version
   *[ru] Russian version
})
script-terms = { $terms ->
    [touch_colleague] <b>Second voice: introduction (colleague, trainee)</b>
    [touch_quality] <b>Second voice: "how are we doing?" (quality check)</b>
    [touch_lead] <b>Second voice: the lead's call or letter</b>
    [bad] <b>Left on bad terms</b>
   *[good] <b>Left on good terms</b>
}{ $custom ->
    [yes] {" "}— the team's text
   *[no] {" "}— default text
}
script-touch-hint = <b>Second-voice touches</b> (de-starring). Placeholders: {"{"}client{"}"} — the client, {"{"}manager{"}"} — who calls, {"{"}owner{"}"} — the client's manager. No discounts.
script-hint = Placeholders: {"{"}client{"}"} — the client, {"{"}leaver{"}"} — the manager who left, {"{"}manager{"}"} — the new manager. Managers see the script in the call card with the names filled in.
script-btn-edit = ✏️ { $terms ->
    [touch_colleague] Edit “introduction”
    [touch_quality] Edit “how are we doing?”
    [touch_lead] Edit “the lead”
    [bad] Edit “bad terms”
   *[good] Edit “good terms”
}
script-btn-reset = ↩️ { $terms ->
    [touch_colleague] Default “introduction”
    [touch_quality] Default “how are we doing?”
    [touch_lead] Default “the lead”
    [bad] Default “bad terms”
   *[good] Default “good terms”
}
script-btn-locale = { $locale ->
    [en] 🇬🇧 English version
   *[ru] 🇷🇺 Russian version
}
script-ask-text = Send the new script text for { $terms ->
    [touch_colleague] the “introduction” touch (colleague, trainee)
    [touch_quality] the “how are we doing?” touch
    [touch_lead] the lead's call or letter
    [bad] “left on bad terms”
   *[good] “left on good terms”
} ({ $locale ->
    [en] English version
   *[ru] Russian version
}). You can use {"{"}client{"}"}, {"{"}leaver{"}"} and {"{"}manager{"}"}. The current text is above: copy it and edit.
script-current = Current text:
script-saved = Saved. Managers now see the new text in their call cards.
script-reset-done = The default text is back.
script-reset-nothing = This is already the default text.
script-problem = { $code ->
    [too_short] That is too short for a script. Please send the whole text.
    [too_long] Too long: the script must fit into a call card, up to { $max } characters.
    [unknown_placeholder] I don't know the placeholder { $name }. Only {"{"}client{"}"}, {"{"}leaver{"}"} and {"{"}manager{"}"} are available.
   *[unbalanced_braces] The curly braces don't pair up. Placeholders look like this: {"{"}client{"}"}, {"{"}leaver{"}"}, {"{"}manager{"}"}.
}
script-text-only = Send the script text as a message, or /cancel to leave.

script-default-good =
    Before you call: we offer no discounts, gifts or “sorry for the trouble” bonuses — not now and not on the next order. The aim of the call is to introduce yourself and agree on the next contact.

    — Hello { $client }, this is { $manager }, your new account manager. Do you have a couple of minutes?
    — I'm calling because { $leaver } has left our industry and asked us to call you, so that you know { $leaver } has handed you over into our safe hands. From now on I take care of everything for you.
    — How are things with you? Is anything in progress or coming up soon?
    — When do you think you might need us next? I'll call you closer to that time — which date suits you?

    After the call, tap “Reached” and pick the date of the next contact.
script-default-bad =
    Before you call: don't criticise anyone and don't go into details. We offer no discounts, gifts or “sorry for the trouble” bonuses. The aim: the client knows who to deal with now, and you agree on the next contact.

    — Hello { $client }, this is { $manager }, your account manager from now on. Do you have a couple of minutes?
    — I won't go into details, I'll just say it briefly: we didn't part ways with { $leaver } for nothing. { $leaver } no longer has anything to do with our company, and we are no longer responsible for what { $leaver } does or promises. That's why we are calling all our clients now — so that you know and don't run into trouble later.
    — Everything you agreed with our company stays in force, and I'm the one taking care of it now. (If the card shows open commitments, confirm them.)
    — When do you think you might need us next? I'll call you closer to that time — which date suits you?

    After the call, tap “Reached” and pick the date of the next contact.
script-sample-client = John Smith
script-sample-leaver = Mary
