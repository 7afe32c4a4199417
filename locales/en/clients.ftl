# Client base: import from a CRM, client list and card, adding, export.

## Import

import-picture = That is a picture, and I need a table. Send your client export from the CRM or Excel as a file: CSV or XLSX (in Telegram choose "File", not "Photo").
import-too-large = The file is { $sizeMb } MB, and Telegram lets bots download files only up to 20 MB. Split the export into parts (for example by owner) or save it as CSV, which is usually much lighter than XLSX.
import-download-failed = I could not download the file from Telegram. Please send it once more.
import-private-only = Client files are better not shown to the whole group: send it to me in a private chat and I will show you what will be imported.

import-error-empty = The file is empty: there is not a single row of data in it. Check that you saved the right sheet and send it again.
import-error-binary = This does not look like a table: it contains binary data. Send a CSV or XLSX file — an export from your CRM or an Excel file.
import-error-unsupported_type = I cannot read this format. Send CSV or XLSX. Open an old .xls in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".
import-error-too_large = The file is larger than 20 MB, which Telegram does not let me download. Split the export or save it as CSV.
import-error-no_name_column =
    I could not find a column with the client's name, and I cannot import without one.
    Headers I see: { $headers }.
    I need a name column such as "Name", "Full name", "Contact", "Client" or «ФИО». Everything else is optional: "Phone", "Email", "Company", "Owner", "Temperature" or "Stage", "Next contact date", "Notes".
import-error-unreadable_xlsx = I could not open this XLSX: the file seems damaged or merely renamed. Open it in Excel, save it again and send it.
import-error-broken_csv = The quotes are broken near row { $row }: a cell opens with a quote and never closes. Fix that row (or save the file from Excel again) and send it once more. Nothing was imported.
import-error-xlsx_too_large = The sheet inside this XLSX is too large for me. Split it into several files or save it as CSV.
import-error-encrypted = The file is password-protected, so I cannot read it. Remove the password in Excel ("File → Info → Protect Workbook") and send it again.

import-preview-header = 📄 <b>{ $file }</b>: { $rows } data rows.
import-preview-columns = Columns understood: { $columnsHtml }.
import-field = { $field ->
    [name] name
    [company] company
    [phones] phone
    [email] email
    [externalId] CRM id
    [owner] owner
    [voices] other managers
    [temperature] temperature
    [lastContactOn] last contact
    [nextContactOn] next contact
    [notes] notes
    [commitments] commitments
   *[other] { $field }
}
import-column = { $fieldName } ← "{ $header }"
import-preview-counts =
    <b>What will be imported</b>
    { $linesHtml }
import-count-created = • new clients: { $n }
import-count-updated = • existing clients updated: { $n }
import-count-unchanged = • already there, unchanged: { $n }
import-count-merged = • repeats within the file, merged: { $n }
import-count-rejected = • rows that will not load: { $n }
import-count-commitments = • promises, documents and deadlines: { $n }
import-count-notes = • found in the notes: { $n } — see them with the button below; nothing is added unless you say so
import-button-notes-all = 📝 Take all from the notes ({ $n })
import-button-notes-view = 👀 See what was found
import-toast-notes-all = Taking all: { $n }
import-notes-title = 📝 <b>Found in the notes: { $n }</b>. The ticked ☑️ ones become the clients' promises and deadlines when you import the file.
import-note-line = { $mark } { $n }. row { $row }, { $name } — { $kind ->
    [document] 📄 document
    [deadline] ⏰ deadline
   *[promise] 🤝 promise
}: { $text }{ $hasDue ->
    [yes] {" "}— by { $due }
   *[no] {""}
}
import-notes-footer = Ticked: { $kept } of { $n }. Import the file with the button under the preview.
import-button-notes-list-all = ✅ All
import-button-notes-list-none = ✖️ None
import-preview-owners =
    <b>By owner</b>
    { $linesHtml }
import-owner-line = • { $name } — { $n }
import-owner-line-new = • { $name } — { $n } (not in the team; I will add them by name)
import-owner-line-none = • no owner — { $n }
import-preview-temperatures = <b>By temperature:</b> 🔥 hot { $hot } · 🌤 warm { $warm } · ❄️ cold { $cold }
import-more = • …and { $n } more
import-unknown-owners =
    ⚠️ <b>These owners are not in the team</b>
    { $linesHtml }
    I will add them to the team as people known by name only; when the person opens the invite link, the clients will move to them. If it is a typo, fix the file and send it again.
import-unknown-owner-line = • "{ $name }" — rows { $rows }
import-near-owners =
    ❓ <b>Looks like a typo in an owner's name</b>
    { $linesHtml }
    Answer with the buttons below. Until you do, new clients from these rows go to the unassigned pool — I will not create a new person.
import-near-owner-line = • “{ $text }” — did you mean { $name }? Rows { $rows }
import-button-near-member = ✅ Yes, it is { $name }
import-button-near-new = ➕ “{ $name }” is a new person
import-near-chosen-member = Got it: “{ $text }” is { $name } (rows: { $n }). Import with the button under the preview.
import-near-chosen-new = Got it: “{ $text }” is a new person, I will add them by name (rows: { $n }). Import with the button under the preview.
import-contact-matches =
    🔗 <b>Already in the client base, spelled differently in the file</b>
    { $linesHtml }
import-contact-match-line = • row { $row }: this is the client “{ $name }” — { $field ->
        [externalId] same CRM ID { $value }
        [email] same email { $value }
       *[phones] same phone { $value }
    }
import-inactive-owners =
    ⚠️ <b>Owners who are leaving or have left</b>
    { $linesHtml }
    New clients from these rows go to the unassigned pool; existing ones stay with their current owner.
import-inactive-owner-line = • { $name } — { $n } rows
import-preview-problems =
    <b>Notes by row</b>
    { $linesHtml }
import-problem = • row { $row }: { $code ->
    [missing_name] no client name
    [bad_date] the date "{ $value }" does not exist or cannot be read — left empty
    [bad_phone] the phone "{ $value }" is not a phone number — skipped
    [bad_email] the email "{ $value }" is invalid — skipped
    [bad_temperature] the temperature "{ $value }" is unclear — set to "warm"
    [duplicate_row] repeats row { $duplicateOf } ({ $field ->
        [externalId] same CRM ID { $value }
        [email] same email { $value }
        [phones] same phone { $value }
       *[name] same name and company
    }) — merged
    [too_long] the value in column "{ $column }" is too long — cut
    [broken_quotes] broken quotes
    [owner_not_you] the owner "{ $value }" is not you; you can import only your own clients
    [not_your_client] this client already belongs to someone else
    [owner_unknown_id] nobody in the team has the Telegram id { $value }
   *[other] { $code }
}{ $severity ->
    [error] {" "}— the row will not load
   *[warning] {""}
}
import-preview-footer = Nothing is saved yet. Import?
import-preview-footer-rejected = Nothing is saved yet. Rows with errors: { $n }. You can fix the file and send it again, or import only the valid rows.
import-preview-nothing-but-notes = No new or changed clients. You can take what was found in the notes and import just that.
import-preview-nothing = Nothing to import: no new or changed clients.
import-button-go = ✅ Import
import-button-valid = ✅ Import only valid rows
import-button-cancel = ✖️ Cancel

import-cancelled = Cancelled, nothing was imported.
import-has-rejected = The file has rows with errors ({ $n }), so it cannot be imported as a whole — nothing was changed. Fix the file and send it again, or import only the valid rows.
import-toast-done = Imported
import-toast-applied = This file has already been imported.
import-toast-cancelled = This import was cancelled. Send the file again.
import-toast-already_cancelled = This import is already cancelled.
import-toast-not_found = I cannot find this import. Send the file again.
import-toast-forbidden = Only the person who sent the file, or a lead, can confirm this import.
import-done =
    ✅ Done. New clients: { $created }, updated: { $updated }, unchanged: { $unchanged }.
    Promises and deadlines added: { $commitments }. Without an owner: { $unassigned }.
    See the clients — /clients.
import-done-changed = The team's data changed while you were looking at the preview, so I recalculated the import — the figures above are exact.
import-done-new-members = Added to the team by name: { $names }. Send them the invite link (/team): when they open it, I will connect them with these clients. Or link the name to a person yourself in /clients.
import-done-unassigned-hint = Clients without an owner: { $n }. You can distribute them with /distribute.

## Client list

clients-private-only = I show client data only in a private chat. Send me this command privately.
clients-header-team = <b>Team clients</b> — { $n }. Page { $page } of { $pages }.
clients-header-mine = <b>My clients</b> — { $n }. Page { $page } of { $pages }.
clients-filter-line = Filter: { $temperature ->
    [hot] 🔥 hot
    [warm] 🌤 warm
    [cold] ❄️ cold
   *[any] any temperature
}{ $owner ->
    [none] , no owner
    [member] , owner { $ownerName }
   *[any] {""}
}
clients-tap-hint = Tap a client to open their card.
clients-empty-lead = No clients yet. Send me an export from your CRM or Excel (CSV or XLSX), or add a client with /client.
clients-empty-manager = You have no clients yet. Send me a file with your clients (CSV or XLSX) or add one with /client.
clients-empty-filtered = No clients match this filter.
clients-filter-unassigned = No owner
clients-filter-owner = 👤 By manager
clients-filter-owner-active = ✓ 👤 By manager
clients-filter-all-owners = All owners
clients-pick-owner = Whose clients should I show?
clients-names-button = 🔗 Link names from files to people
clients-names-pick = I know these owners only by a name from a file. Pick a name to link it to a person on Telegram:
clients-names-none = Every owner is already linked to a person on Telegram.
clients-names-pick-target = Who in the team is "{ $name }"? Their clients will move to the person you pick.
clients-names-linked = Done: "{ $name }" is { $target }. Clients moved: { $n }.
clients-names-not_found = This name is already linked or gone.
clients-names-bad_target = This person is not in the team or has not opened the bot.
clients-names-in_handover = A handover is running for this name — link it after the handover is finished.

## Client card

client-temperature = { $temperature ->
    [hot] hot
    [cold] cold
   *[warm] warm
}
client-card-title = 👤 <b>{ $name }</b>
client-card-company = Company: { $company }
client-card-phones = Phone: { $phones }
client-card-email = Email: { $email }
client-card-external = CRM id: { $id }
client-card-owner = Owner: { $owner }
client-card-owner-none = Owner: — (in the unassigned pool)
client-card-previous-owner = Previous owner: { $owner }
client-card-temperature = Temperature: { $icon } { client-temperature }
client-card-next-contact = Next contact: { $date }{ $overdue ->
    [yes] {" "}⚠️ overdue
   *[no] {""}
}
client-card-last-contact = Last contact: { $date }
client-card-lost = ⛔ The client is lost.
client-card-notes = Notes: { $notes }
client-card-commitments =
    <b>Promises and deadlines</b> ({ $n }):
    { $linesHtml }
client-card-no-commitments = No open promises or deadlines.
client-card-commitment = • { $kind ->
    [document] 📄 document
    [deadline] ⏰ deadline
   *[promise] 🤝 promise
}: { $text }{ $hasDue ->
    [yes] {" "}— by { $due }
   *[no] {""}
}{ $overdue ->
    [yes] {" "}⚠️ overdue
   *[no] {""}
}
client-card-more = • …and { $n } more
client-card-history =
    <b>History</b>
    { $linesHtml }
client-card-event = • { $at } — { $whatHtml }
client-button-log-call = 📞 Log a call
client-button-add-commitment = ➕ Promise or deadline
client-button-change-owner = 👤 Change owner
client-button-back = ← Back
client-button-open = Open the card
client-not-found = This client is not among those you can see.
client-not-found-toast = You cannot open this client.
client-pick-new-owner = Who should take over "{ $name }"?
client-bad-owner-toast = This person is not in the team.
client-departing-owner-toast = This person is leaving the team: no new clients go to them.
client-owner-same-toast = The client is already theirs.
client-owner-changed-toast = Owner changed.
client-assigned-notice = You have a new client: "{ $name }".
import-moved-one = The imported file "{ $file }" gives you a client: "{ $name }".
import-moved-many = The imported file "{ $file }" gives you { $count } clients: { $names }{ $more ->
        [0] .
       *[other] { " " }and { $more } more.
    } All your clients are in /clients.

## Adding a client

client-add-ask-name = Let's add a client. What is their name (or the company's)? To cancel — /cancel.
client-add-name-invalid = Write the client's name — 1 to { $max } characters.
client-add-ask-phone = The client's phone? For example +7 916 123-45-67. No phone — tap "Skip".
client-add-phone-invalid = I cannot read this number. Write it in full, e.g. +7 916 123-45-67 or 8 916 123 45 67, or tap "Skip".
client-add-ask-company = The client's company? Not needed — "Skip".
client-add-company-invalid = Write the company name (up to 200 characters) or tap "Skip".
client-add-skip = Skip
client-add-ask-temperature = How warm is this client?
client-add-pick-temperature = Pick a temperature with a button.
client-add-ask-owner = Who will own this client?
client-add-owner-me = { $name } (me)
client-add-pick-owner = Pick the owner with a button.
client-add-done = ✅ Client added.
client-add-duplicate = A client with this phone is already in your client base: here's their card. I didn't add a new one.
client-add-duplicate-other = A client with this phone already belongs to someone else. I did not add a new one; ask a lead if the client should move to you.
client-add-bad-owner = The person you picked is no longer in the team. Start again: /client.

## Commitments by hand

client-commitment-kind = { $kind ->
    [document] 📄 Document owed
    [deadline] ⏰ Client deadline
   *[promise] 🤝 Promise to the client
}
client-commitment-ask-what = What was promised to the client, which document is owed, or what is the client's deadline? Write it in one sentence — a date in it becomes the due date: "contract by 30.11", "send the quote by Friday", "promised free delivery". To cancel — /cancel.
client-commitment-draft = { $kind ->
    [document] 📄 Document owed
    [deadline] ⏰ Client deadline
   *[promise] 🤝 Promise to the client
}: { $text }
    Due: { $hasDue ->
        [yes] by { $due }
       *[no] none — if there is one, type the date ("25.11", "by Friday", "end of the month")
    }
    Save it? If I guessed the kind wrong, fix it with a button.
client-commitment-make-kind = { $kind ->
    [document] It is a 📄 document
    [deadline] It is a ⏰ deadline
   *[promise] It is a 🤝 promise
}
client-commitment-save = ✅ Save
client-commitment-pick-kind = Pick one with a button.
client-commitment-text-invalid = Write the text, at least a couple of words.
client-commitment-text-too-long = Too long — keep it under { $max } characters.
client-commitment-due-invalid = I did not understand the date. Write, for example, "25.11", "friday" or "next week" — or tap "Save".
client-commitment-due-past = That date has passed. Give today or a later date.
client-commitment-added = ✅ Added.

## Export

export-empty = The team has no clients yet — nothing to export.
export-caption = Team clients: { $n }. The file opens in Excel and can be imported back into your CRM.
export-h-name = Full name
export-h-company = Company
export-h-phones = Phone
export-h-email = Email
export-h-external-id = External ID
export-h-owner = Owner
export-h-previous-owner = Previous owner
export-h-temperature = Temperature
export-h-last-contact = Last contact date
export-h-next-contact = Next contact date
export-h-notes = Notes
export-h-promises = Promises
export-h-documents = Documents owed
export-h-deadlines = Deadlines
export-t-hot = hot
export-t-warm = warm
export-t-cold = cold
export-due-connector = by
client-button-delete = 🗑 Delete
client-delete-ask = Delete the client “{ $name }” with all phones, notes, commitments and calls? This cannot be undone. The team's history will keep only “deleted client #{ $id }”.
client-delete-confirm = 🗑 Yes, delete for good
client-deleted = Client deleted. The team's history keeps: deleted client #{ $id }.
