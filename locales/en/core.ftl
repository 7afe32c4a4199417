# Foundation: start, teams, roles, help, language, errors.

role = { $role ->
    [lead] lead
   *[manager] manager
}

error-generic = Something went wrong on our side. Nothing was lost: please try again in a minute.
button-stale = This button is out of date. Please use the latest message.
unknown-command = I don't know that command. See /help for the list.
unhandled-message = I didn't understand that. See /help for what I can do.
cancel-nothing = There is nothing to cancel: no dialogue is open.
dialog-cancelled = Cancelled. Nothing was saved.

not-member = You are not in a team yet. To join one, ask your lead for an invite link and open it. A lead can create a team: /start
not-member-toast = You are not in this team.
not-member-group = This group is not linked to your team. A team lead can link it with /link.
not-member-linked-group = You are not in the team this group is linked to. To join, ask your lead for an invite link and open it in a private chat with me.
lead-only = Only a team lead can do this.
lead-only-toast = Only a lead can do this.

start-stranger =
    Hello! I am <b>handover-bot</b>: I make sure no client is lost when a sales manager leaves.

    I run the handover checklist, distribute the leaver's whole client base fairly, make sure every client gets a call, and remind people of deadlines.

    To join a team, open the invite link from your lead. A lead can create a team right now.
start-create-team-button = Create a team
start-member = Welcome back, { $name }! You're in “{ $team }” as a { role }. Commands: /help.
start-group = Hi! I help teams hand over clients when a manager leaves. A team lead can connect this group with /link.
start-group-linked = This group is linked to the team “{ $team }”. What I can do: /help.

team-create-ask-name = What is the team called? Type a name (e.g. “Sales, Moscow”). To cancel: /cancel.
team-create-name-invalid = The name must be 2 to 64 characters. Please type another.
team-create-ask-timezone = Choose the team's time zone — deadlines and reminder times follow it. You can also type an IANA name such as Asia/Yekaterinburg. Default: { $default }.
team-create-timezone-invalid = “{ $value }” is not a time zone I know. Tap a button or type a name like Europe/Moscow.
team-create-already-member = You're already in a team. For now, a person can belong to only one team.
team-created =
    Team “<b>{ $team }</b>” created, time zone { $timezone }. You're its lead.

    Link for managers (forward it to them):
    { $managerLink }

    Link for co-leads (they become leads once you accept their request):
    { $leadLink }

    Next: send me your client export from the CRM (CSV or XLSX), add me to the team's group chat and type /link there. All commands: /help.

invite-invalid = This invite link is no longer valid: the lead may have issued a new one. Ask for a fresh link.
invite-other-team = You're already in another team. For now, a person can belong to only one team.
invite-already-member = You're already in “{ $team }”. Commands: /help.
invite-joined = Welcome to “{ $team }”! { $role ->
    [lead] You're a lead: handovers, distributions and reports are yours to run.
   *[manager] You're a manager. I'll send your daily call list and reminders here.
} Commands: /help.
invite-joined-lead-notice = { $name } joined the team ({ role }).
invite-private-only = I only send invite links in a private chat so that outsiders don't see them. Send me /invite privately.
invite-regenerated = Done: the old links no longer work. New ones:

team-header = Team “<b>{ $team }</b>” — { $count } people, time zone { $timezone }:
team-member-line = • { $whoHtml } — { role }{ $status ->
    [departing] , leaving
    [left] , left
   *[active] {""}
}{ $reach ->
    [ok] {""}
    [blocked] — ⚠️ blocked the bot, direct messages don't reach them
    [name_only] — ⚠️ known by name only, never opened the bot
   *[other] — ⚠️ has not opened the bot yet, direct messages don't reach them
}
team-unreachable-hint = { $count } people do not get my direct messages. Forward them the invite link: once they open it, they get call lists and reminders.
team-invites =
    Link for managers:
    { $managerLink }
    Link for co-leads (they become leads once you accept their request):
    { $leadLink }
    New links (the old ones stop working): /invite.

link-linked = This group is now connected to “{ $team }”. You can start /offboard here, and I'll post handover progress here.
link-already_linked = This group is already linked to team “{ $team }”.
link-taken = This group is already linked to another team.

language-choose = Выберите язык / Choose your language:
language-set = Done, I will write in English.

help-intro = <b>handover-bot</b> makes sure no client is lost when a manager leaves: a handover checklist, fair distribution of the whole client base, a call to every client, and reminders.
help-stranger =
    /start — create a team
    /language — language
    To join a team, open the invite link from your lead.
help-manager =
    /today — my calls for today
    /stars — my star index
    /clients — my clients
    /client — add a client
    /team — the team
    /language — language
    /cancel — leave a dialogue
    Send a CSV or XLSX with your clients and I will show what will be imported.
help-lead =
    /offboard — start a handover when a manager leaves
    /distribute — distribute clients with no owner
    /settings — team settings: caps, reactivation calls, working days, managers' weights
    /clients — the team's clients
    /client — add a client
    /today — my calls for today
    /report — handovers and calls report
    /stars — star index and second-voice touches
    /script — call scripts
    /status — notification delivery
    /export — client export (CSV) for the CRM
    /team — the team, /invite — new invite links
    /link — in a group chat: link the group to the team
    /language — language, /cancel — leave a dialogue
    Send me your client export from the CRM (CSV or XLSX) and I will show a preview before importing.

menu-start = Start
menu-help = What the bot does
menu-team = Team
menu-clients = Clients
menu-client = Add a client
menu-today = Today's calls
menu-offboard = Start a handover
menu-distribute = Distribute clients
menu-report = Report
menu-script = Call scripts
menu-status = Notification delivery
menu-export = Export for the CRM
menu-invite = Invite links
menu-language = Language
menu-link = Link this group to the team
menu-cancel = Cancel the dialogue

## The leaver's rights (domain/leaver-access.ts)
leaver-no-access-bad_terms = 🔒 Access to clients is closed: you are handing over your work. If your lead sends you the handover form, it will arrive here. Thank you for your help!
leaver-no-access-bad_terms-toast = 🔒 Access to clients is closed: you are handing over your work.
leaver-no-access-after_last_day = 🔒 Your last working day ({ $lastDay }) has passed, so there is no access to clients any more. Thank you for your work!
leaver-no-access-after_last_day-toast = 🔒 Your last day has passed: no access to clients any more.
leaver-no-access-left = 🔒 No access to clients any more: you are no longer in the team.
leaver-no-access-left-toast = 🔒 No access to clients any more.
leaver-read-only = 👀 Until your last working day ({ $lastDay }) your clients are read-only: you are handing over your work. Their new manager will make the changes.
leaver-read-only-toast = 👀 Read-only until { $lastDay }: you are handing over your work.
leaver-not-lead = 🔒 While you are handing over your work, the other leads run the team: members, invite links, settings, handovers and distributions are closed to you.
leaver-not-lead-toast = 🔒 While you are handing over your work, you cannot run the team.
