# Charts: the pictures of /report and the lead's weekly picture. Plain text (drawn into an image), no HTML,
# except the captions (chart-caption-*), which are HTML like every message.

chart-outcome-reached = reached
chart-outcome-no-answer = no answer yet
chart-outcome-call-back = call back
chart-outcome-lost = lost
chart-outcome-not-called = not called

chart-progress-title = { $leaver }{ $terms ->
    [bad] {" "}— left on bad terms
    [good] {" "}— left on good terms
   *[hidden] : client handover
}
chart-pool-title = Clients from the unassigned pool
chart-progress-subtitle = calls per manager: made { $done } of { $total }{ $due ->
    [none] {""}
   *[other] {" "}· due { $due }
}
chart-page = { $page } of { $pages }
chart-no-calls = No calls yet

chart-timeline-title = { $leaver }: calls per day
chart-pool-timeline-title = Unassigned pool: calls per day
chart-timeline-subtitle = since { $start } · open calls now: { $open }
chart-timeline-made = made that day
chart-timeline-open = calls left
chart-timeline-planned = plan
chart-timeline-today = today
chart-timeline-due = due

chart-lost-title = { $leaver }: why clients were lost
chart-pool-lost-title = Unassigned pool: why clients were lost
chart-lost-subtitle = lost { $lost } of { $total }
chart-lost-none = No clients lost

chart-caption-progress = 📊 <b>{ $leaver }</b>: calls per manager
chart-caption-pool = 📊 <b>Unassigned pool</b>: calls per manager
chart-caption-timeline = 📈 Calls per day
chart-caption-lost = 📉 Why clients were lost
chart-more-handovers = Pictures for the { $shown } latest handovers; the rest are in the text below.

chart-weekly-title = The team's open handovers
chart-weekly-subtitle = week of { $date } · open calls: { $open }
chart-weekly-none = No open handovers
chart-weekly-caption = 🗓 <b>Picture of the week</b>: the team's open handovers. Details: /report. To turn it off: /settings.

chart-stars-title = Star index per manager
chart-stars-subtitle = clients who know only one person in the team: { $single } of { $clients } ({ $percent }%)
chart-stars-bar = { $percent }% of { $clients } · hot: { $hot }
chart-stars-team = Team
chart-stars-trend = Over the last { $weeks } weeks
chart-stars-none = No manager owns clients yet
chart-caption-stars = ⭐ <b>Star index</b>: the share of clients who know only their own manager in the team. The lower, the safer the team is when someone leaves.
