# De-starring: voices, the star index, second-voice touches.
stars-title = ⭐ <b>Star index</b> — the share of clients who know only their own manager
stars-window = A voice is someone of the team who spoke with the client in the last { $months } months.
stars-line = <b>{ $name }</b>: clients { $clients } · know only them: { $single } ({ $percent }%) · hot among them: { $hot }{ $trendHtml }
stars-trend = {" "}· trend: { $trend }
stars-total = <b>Team</b>: clients { $clients } · single voice: { $single } ({ $percent }%) · hot: { $hot }
stars-empty = The team's managers have no clients yet.
stars-own-empty = You have no clients of your own yet.
stars-own-title = ⭐ <b>Your star index</b>
stars-own-hint = Colleagues and the lead sometimes call your clients, so a client knows the company, not one person. You always stay the client's owner.
stars-weeks-title = <b>Second-voice touches per week</b>
stars-week-line = { $week }: planned { $planned } · done { $done } · reached { $reached }
stars-weeks-none = No touches planned yet.
stars-programme = { $paused ->
    [yes] ⏸ The programme is paused: no touches are planned.
   *[no] ▶️ The programme runs: touches are planned on { $day ->
        [1] Mondays
        [2] Tuesdays
        [3] Wednesdays
        [4] Thursdays
        [5] Fridays
        [6] Saturdays
       *[7] Sundays
    } at { $hour }:00, up to { $cap } a week per person.
}
stars-tap-hint = Tap a manager for their single-voice clients, hot first.
stars-btn-pause = ⏸ Pause
stars-btn-resume = ▶️ Resume
stars-btn-back = ← Back
stars-btn-cap-down = − cap
stars-btn-cap-up = + cap
stars-btn-team-cap-down = − team cap
stars-btn-team-cap-up = + team cap
stars-btn-role = { $role ->
    [trainee] 🎓 Trainee
    [quality] 🔎 Quality caller
   *[none] 👤 Regular
}
stars-member-title = ⭐ <b>{ $name }</b>: clients { $clients }, single voice { $single } ({ $percent }%)
stars-member-client = { $n }. { $clientHtml }{ $temperature ->
    [hot] {" "}🔥
    [warm] {""}
   *[cold] {" "}❄️
}
stars-member-more = …and { $count } more
stars-member-none = Every client knows someone else of the team. 👏
stars-member-cap = Touches a week: { $cap ->
    [0] 0 (opted out)
   *[other] { $cap }
}{ $role ->
    [trainee] {" "}· trainee (twice as many)
    [quality] {" "}· quality caller (twice as many)
   *[none] {""}
}
stars-toast-paused = The programme is paused.
stars-toast-resumed = The programme runs again.
stars-toast-saved = Saved.
stars-toast-gone = This person is no longer in the team.
stars-lead-planned = ⭐ <b>Second-voice touches for the week of { $week }</b>: { $planned } (single-voice clients waiting: { $candidates }). They are in the daily lists already.
stars-lead-no-callers = ⭐ No touches planned for the week of { $week }: { $reason ->
    [alone] nobody else in the team can call another's clients — one more person is needed.
   *[all_opted_out] everyone's touch cap is 0. Raise it in /stars.
}
stars-lead-released = ⭐ { $names } left the team: their touches moved to others — { $moved }, cancelled (nobody had room) — { $dropped }.
stars-owner-daily = 🗣 { $caller } spoke with your clients: { $count } — { $outcomes }
stars-owner-outcome = { $outcome ->
    [reached] reached: { $count }
   *[lost] lost: { $count }
}
stars-owner-lost = ⚠️ { $caller } called your client <b>{ $client }</b> and marked them lost ({ call-lost-reason }). Please get in touch with the client yourself.
stars-owner-lost-button = Open the card
stars-offboard-line = ⭐ { $single } of { $clients } clients know only { $name } ({ $percent }%).
stars-dist-known = Know their new manager already: { $known } of { $total }.
today-touch-kind = { $kind ->
    [lead] the lead's call
    [quality] "how are we doing?"
   *[colleague] introduction
}
call-card-touch = 🗣 <b>Second-voice touch</b>: { $kind ->
    [lead] the lead's call or personal message
    [quality] quality-check call
   *[colleague] a colleague's introduction call
} · client's owner: { $owner }
call-card-touch-script = <b>Script</b>:
script-touch-colleague = Hello, { $client }! My name is { $manager }, I'm { $owner }'s colleague. I'm calling to introduce myself: whenever { $owner } is busy or away, I'll be glad to help. How are things, is everything fine? When might you need us again? Let's fix the date of the next contact. No discounts — we are just getting to know each other.
script-touch-quality = Hello, { $client }! My name is { $manager }, I look after the quality of our work. A couple of questions: how are we doing? Are you happy with { $owner }'s work? What could we do better? When might you need us again? We promise no discounts — your opinion is what matters.
script-touch-lead = Hello, { $client }! This is { $manager }, head of the sales team. I wanted to thank you personally for being with us and make sure all is well. { $owner } looks after you, and the whole team is always there for you. When might you need us again? No discounts — just thank you.
menu-stars = Star index
stars-import-voices = 🗣 <b>Other managers</b>: links to colleagues — { $links } (they become the client's voices).
stars-import-voices-unknown = Not in the team, skipped ({ $count }): { $names }
stars-btn-day = 📅 { $day ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
} ▸
stars-btn-hour = 🕘 { $hour }:00 ▸
stars-btn-window = 🗓 window { $months } mo ▸
