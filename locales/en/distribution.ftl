# Distribution: the fair split of a leaver's client base or of the unassigned pool, its table, apply and undo.

## The table

dist-table-title-handover = <b>Distributing the clients of { $leaver }</b>
    { $count } { $count ->
        [one] client
       *[other] clients
    } in all. I split every temperature evenly, counting what each manager already has, kept clients of one company with one manager and spread the upcoming contacts and deadlines too.
dist-table-title-pool = <b>Distributing the unassigned pool</b>
    { $count } { $count ->
        [one] client
       *[other] clients
    } without an owner. I split every temperature evenly, counting what each manager already has, and kept clients of one company with one manager.
dist-table-with-commitments = { $count ->
        [one] One of them has
       *[other] { $count } of them have
    } open promises or deadlines.
dist-col-manager = Manager
dist-col-hot = +hot
dist-col-warm = +warm
dist-col-cold = +cold
dist-col-total = total
dist-table-more-rows = …and { $count } more
dist-table-over-cap = ⚠️ { $name } would have { $total } { $total ->
        [one] client
       *[other] clients
    } — over the cap of { $cap } per manager.
dist-table-unassigned = { $count } { $count ->
        [one] client
       *[other] clients
    } get no new owner and will wait in the unassigned pool (/distribute).
dist-table-excluded = Left out of this distribution: { $names }.
dist-table-no-managers = There's no other active manager in the team to give these clients to. You can take them yourself: as their lead, you take them over personally.
dist-table-footer = "total" is each manager's number of clients after the handover. "Apply" moves everyone in one go; it can be undone until a call to these clients has been recorded.
dist-stale-note = 🔄 Clients or managers changed while you were looking. Here is the updated proposal — check it and apply again.

dist-btn-apply = ✅ Apply
dist-btn-adjust = ✏️ Adjust
dist-btn-mine = 🙋 Take them myself
dist-btn-cancel = ✖️ Cancel
dist-btn-undo = ↩️ Undo the distribution
dist-btn-move-many = Move N clients
dist-btn-move-one = Move one client
dist-btn-exclude = Exclude a manager
dist-btn-back = ← Back to the table
dist-btn-dialog-quit = ✖️ Leave as is

## Adjusting

dist-adjust-hint = What would you like to change?
dist-exclude-ask = Whom should this distribution leave out? Their clients go to the others. (To exclude someone for good, use /settings.)
dist-exclude-nobody = Nobody to exclude: there are no managers in this distribution.
dist-too-many-buttons = Not everyone is shown: { $count } more — move their clients one by one.
dist-toast-excluded = { $name } is left out of this distribution.
dist-ask-from = Whose clients should be moved?
dist-ask-to = Who should get them? (Taking from: { $name })
dist-ask-to-one = Who should get “{ $client }”? Currently proposed: { $current }.
dist-ask-count = How many clients to move ({ $from } → { $to })? Type a number from 1 to { $max }.
dist-ask-count-invalid = I need a number from 1 to { $max }. Type it in digits, e.g. 5.
dist-ask-pick-button = Please pick a button from the list or tap “Leave as is”.
dist-ask-search = Type part of the client's name, company or phone number.
dist-search-none = Nobody in this distribution matches “{ $query }”. Try something else — part of the surname or the last digits of the phone.
dist-search-found = Found { $count }. Pick the client or type another search.
dist-search-many = Found { $count } — showing the first { $shown }. Pick the client or narrow the search.
dist-moved-many = ✏️ Moved { $count } { $count ->
        [one] client
       *[other] clients
    }: { $from } → { $to }.
dist-moved-one = ✏️ “{ $client }” now goes to { $to }.
dist-adjust-quit = All right, nothing changed.
dist-adjust-closed = This proposal is no longer open (applied or cancelled). Start a new one from the checklist button or with /distribute.
dist-adjust-failed = That did not work: managers or clients changed. Here is the current table.
dist-adjust-nothing-to-move = There is nobody to move clients to: only one manager is in this distribution.

## Apply, take over, cancel, undo

dist-toast-applied = Done!
dist-applied-handover = ✅ Done: { $count } { $count ->
        [one] client
       *[other] clients
    } of { $leaver } went to { $owners ->
    [one] one manager
   *[other] { $owners } managers
}. Each of them gets a direct message with their new clients — those with deadlines and promises first.
dist-applied-pool = ✅ Done: { $count } { $count ->
        [one] client
       *[other] clients
    } from the unassigned pool went to { $owners ->
    [one] one manager
   *[other] { $owners } managers
}. Each of them gets a direct message with their new clients.
dist-applied-mine = ✅ Done: { $count ->
        [one] { $count } client is now yours
       *[other] { $count } clients are now yours
    }. I will send you the list in a direct message.
dist-applied-unreachable = ⚠️ I cannot write to { $names }: they have not opened the bot or blocked it. Please tell them yourself, or forward them the invite link from /team.
dist-applied-to-pool = Waiting in the unassigned pool for an owner: { $count } — /distribute.
dist-applied-calls = Reactivation calls scheduled: { $count }.
dist-applied-following-up = ⏳ Scheduling the reactivation calls and writing to the new owners…
dist-applied-step-done = The checklist step “{ checklist-step-redistribute }” is done.
dist-applied-undo-hint = Changed your mind? The distribution can be undone with one tap until a call to these clients has been recorded.
dist-cancelled = Distribution cancelled — nothing changed, the clients stay where they were.
dist-undone = ↩️ Distribution undone: { $count } { $count ->
        [one] client
       *[other] clients
    } went back to the unassigned pool, and their new owners have been told. To distribute again — /distribute.
dist-toast-undone = Distribution undone.
dist-toast-undo-refused = It can no longer be undone: calls to these clients have been recorded. Reassign the clients you need one by one.
dist-toast-undo-handover-cancelled = The handover was cancelled, so the distribution can no longer be undone: the clients stay with their new owners. Give a client back from its card ("Change owner").
dist-toast-already-applied = Already applied.
dist-toast-already-undone = Already undone.
dist-toast-not-open = This proposal is no longer open.
dist-toast-applying = It is being applied right now — give it a few seconds.
dist-toast-busy = Another distribution of the team is being applied right now. Try again in a few seconds.
dist-toast-apply-interrupted = The distribution stopped half-way because of an error. Clients already moved stay with their new owners; I will finish the rest myself within a few minutes.
dist-toast-stale = The clients changed while you were looking. I planned the distribution again — check it and apply once more.
dist-nothing-left = Nothing left to distribute: every client has an owner.
dist-toast-empty = There is nobody to hand them to. Take the clients yourself or cancel.
dist-toast-handover-closed = This handover is already closed or cancelled.
dist-toast-handover-nothing = The leaver has no clients left — nothing to distribute.
dist-pool-empty = The unassigned pool is empty — nothing to distribute.

## Direct messages to new owners

dist-dm-received = 📥 You have received { $count } { $count ->
        [one] client
       *[other] clients
    }. Previous manager: { $fromName }.
dist-dm-received-pool = 📥 You have received { $count } { $count ->
        [one] client
       *[other] clients
    } from the unassigned pool.
dist-dm-urgent-title = <b>First, those with deadlines and promises:</b>
dist-dm-rest-title = <b>The rest:</b>
dist-dm-due = <b>by { $date }:</b>
dist-dm-kind = { $kind ->
    [document] 📄 document
    [deadline] ⏰ deadline
   *[promise] 🤝 promise
}
dist-csv-kind = { $kind ->
    [document] document
    [deadline] deadline
   *[promise] promise
}
dist-dm-more-commitments = (and { $count } more)
dist-dm-next-contact = contact on { $date }
dist-dm-more = …and { $count } more. The full list is in the file below.
dist-dm-footer = Please call each of them: the calls will appear in your daily list (/today).
dist-dm-csv-caption = The full list of your new clients: { $count }.
dist-dm-undone = ↩️ Your lead undid the distribution: { $count ->
        [one] { $count } client (previous manager — { $fromName }) is no longer yours and went
       *[other] { $count } clients (previous manager — { $fromName }) are no longer yours and went
    } back to the unassigned pool. No need to call them.
dist-dm-undone-pool = ↩️ Your lead undid the distribution: { $count ->
        [one] { $count } client from the unassigned pool is no longer yours
       *[other] { $count } clients from the unassigned pool are no longer yours
    }. No need to call them.

dist-csv-file-name = new-clients-{ $id }
dist-csv-name = Client
dist-csv-company = Company
dist-csv-phones = Phones
dist-csv-email = Email
dist-csv-temperature = Temperature
dist-csv-next = Next contact
dist-csv-commitments = Promises and deadlines
dist-csv-previous = Previous manager
dist-temperature-hot = hot
dist-temperature-warm = warm
dist-temperature-cold = cold
