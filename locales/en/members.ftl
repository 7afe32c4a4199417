# Members: invite links in private chats only, co-lead requests, removing a member, the bot joining a group.

invites-sent-privately = I've sent you the invite links in a private chat: people outside the team could see them here.
invites-dm-unreachable = I only send invite links in a private chat, and I can't message you yet because you haven't opened the bot. Open @{ $bot }, tap Start, then send /team.
invites-dm-intro = Invite links for “{ $team }” (you asked for them in the group):

lead-request-sent = Your request has gone to the leads of “{ $team }”. You'll become a lead once one of them accepts it; I'll let you know.
lead-request-pending = Your request to become a lead of “{ $team }” is still waiting for a decision. I'll let you know.
lead-request-already-lead = You're already a lead of “{ $team }”.
lead-request-notice = { $name } wants to become a lead of “{ $team }”.
lead-request-accept = ✅ Accept
lead-request-decline = ✖️ Decline
lead-request-accepted-by = ✅ { $name } is now a lead (accepted by { $by }).
lead-request-declined-by = ✖️ { $name }'s request was declined ({ $by }).
lead-request-decided-toast = This request has already been decided.
lead-request-accepted-you = Your request was accepted: you're now a lead of “{ $team }”. Commands: /help.
lead-request-declined-you = Your request to become a lead of “{ $team }” was declined.
lead-request-other-team = { $name } is already in another team: the request is closed.

team-pending-title = Waiting for a decision: requests to become a lead:
team-pending-line = • { $name }
team-manage-hint = Tap a person to remove them from the team.

member-card = { $name }: { role }.
member-remove = Remove from the team
member-back = ← Back to the team
member-removed = { $name } has been removed from the team; their access ended immediately.
member-removed-you = A lead removed you from “{ $team }”.
member-remove-refused-self = You can't remove yourself.
member-remove-refused-gone = This person is no longer in the team.
member-remove-refused-in_handover = { $name } has a handover in progress: finish it first (/offboard).
member-remove-refused-has_clients = { $name } still has { $count } clients: hand them over with /offboard first, then remove them.

bot-added-to-group =
    Hi! Here I show how handovers are going: steps, due dates and who is responsible. Clients, invite links and terms of departure stay in the lead's private chat.
    Team lead: send /link to connect this group to your team.
team-recent-mark = 🆕
team-recent-hint = 🆕: joined in the last week. If you didn't expect someone, remove them: tap their name.
team-id-hint = Team id for the command line: <code>{ $id }</code> (<code>npm run import -- --team { $id } file.csv</code>).
team-delete-button = 🗑 Delete the team…
team-delete-ask = Delete the team “{ $team }” with everything in it: all clients with their phones and notes, calls, commitments, handovers, notifications and dialogues? This cannot be undone; backups holding this data disappear on their own when their retention ends.

    To confirm, type the team's name: <b>{ $team }</b>
team-delete-cancel = Keep the team
team-delete-kept = The team “{ $team }” was not deleted.
team-deleted = The team “{ $team }” and all its data are deleted. To start again: /start.
