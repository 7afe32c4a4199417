# Group chats: what continues in private, typed answers in a group, whose dialogue a button belongs to.

group-private-toast = That's for a private chat: I don't show clients or terms of departure in a group.
group-continue-private = Let's continue in a private chat: clients and details aren't for the whole group.
group-continue-private-dm = Let's continue here, in private: in the group everyone would see this.
group-continue-button = Continue
group-open-private = Open the private chat
group-dm-unreachable = I can't message you first: open @{ $bot } and tap Start.
group-command-private = /{ $command } works in a private chat only: here everyone would see it. Send me the command privately.
group-continue-here = Let's continue here. Tap the button:
group-type-answer = ✍️ Reply to this message so that I can see your answer.
dialogue-of = This dialogue belongs to { $name }.

offboard-continue-private = { $name } is leaving. Terms of departure, the last day and what's at stake: let's continue in a private chat.
offboard-continue-private-dm = Let's continue the handover here: { $name } is leaving. The group will only see the progress.
offboard-continue-button = Continue the handover
offboard-who-placeholder = Name of the person leaving
offboard-checklist-in-group = The checklist is posted in the team's group: it shows the progress, not the terms of departure.
checklist-skip-placeholder = Why this step isn't needed
checklist-due-placeholder = Due date, e.g. 28 Nov
checklist-subtitle-group = Last working day { $lastDay }
checklist-audit-handover_started-group = { $when } — { $who } started the handover (last day { $lastDay })
