# /settings: the team's limits, campaign and calendar, and the managers' part in distributions.

menu-settings = Team settings

settings-title = ⚙️ <b>“{ $team }” settings</b>
settings-distribution = <b>Distributing clients</b>
    • Cap on clients per manager: { $capHtml }
    • Excluded from distributions: { $excluded }, with a reduced weight: { $partTime } (the “Managers” button)
settings-no-cap = none
settings-calls = <b>Reactivation calls after a departure</b>
    • Every client called within: { $days } working days
    • Calls per manager per day: at most { $calls }
settings-time = <b>Time</b>
    • Working days: { $days }
    • Working hours: { $start }:00–{ $end }:00
    • The daily call list arrives at { $digest }:00
    • I remind about client deadlines { $window } h ahead
settings-weekly = <b>Picture of the week</b> (open handovers, to the leads on Monday): { $on ->
    [yes] on
   *[no] off
}
settings-hint = What would you like to change? Numbers can be typed after tapping a button.

settings-days-title = The team's working days: { $days }. Tap a day to turn it on or off.
settings-day-1 = Mon
settings-day-2 = Tue
settings-day-3 = Wed
settings-day-4 = Thu
settings-day-5 = Fri
settings-day-6 = Sat
settings-day-7 = Sun
settings-last-day = At least one day must stay a working day.

settings-managers-title = <b>Managers in distributions</b>
    The weight is each one's share of clients: 1 is full time, 0.5 is half. Excluded managers get no new clients.
settings-managers-none = The team has no managers yet.
settings-managers-more = Not everyone is shown: { $count } more.
settings-manager-line = • { $nameHtml } — weight { $weight }{ $excluded ->
    [yes] , ⛔ gets no clients
   *[no] {""}
}{ $departing ->
    [yes] , leaving
   *[no] {""}
}
settings-manager-hint = Pick a weight or type your own; the exclusion applies to every later distribution.
settings-toast-excluded = { $name } no longer gets clients in distributions.
settings-toast-included = { $name } takes part in distributions again.

settings-btn-cap = Cap per manager
settings-btn-no-cap = Remove the cap
settings-btn-calls = Calls per day
settings-btn-days = Days to call everyone
settings-btn-digest = Call list hour
settings-btn-working-days = Working days
settings-btn-hours = Working hours
settings-btn-window = Deadline reminders
settings-btn-managers = Managers
settings-btn-weekly-off = 🖼 Turn off the picture of the week
settings-btn-weekly-on = 🖼 Turn on the picture of the week
settings-btn-back = ← Back
settings-btn-back-managers = ← Back to managers
settings-btn-other-weight = Another weight…
settings-btn-exclude = ⛔ Exclude from distributions
settings-btn-include = ✅ Include in distributions
settings-btn-quit = ✖️ Leave as is

settings-ask-managerCap = How many clients may one manager have? Type a number from { $min } to { $max }, or “none” to remove the cap. When distributing, I will warn if someone goes over it.
settings-ask-maxCallsPerDay = How many reactivation calls per manager per day? A number from { $min } to { $max }.
settings-ask-campaignDays = In how many working days should every client of the leaver be called? A number from { $min } to { $max }.
settings-ask-digestHour = At what hour should the daily call list arrive? A number from { $min } to { $max }, e.g. 9 or 09:00.
settings-ask-workingHours = The team's working hours? For example 9-19 or 10:00–18:00.
settings-ask-deadlineWindowHours = How many hours ahead should I remind about client deadlines? A number from { $min } to { $max }.
settings-ask-weight = { $name }: what weight in distributions? A number from { $min } to { $max }, e.g. 0.5.
settings-invalid-managerCap = I need a whole number from { $min } to { $max }, or “none”. Please type it again.
settings-invalid-maxCallsPerDay = I need a whole number from { $min } to { $max }. Please type it again.
settings-invalid-campaignDays = I need a whole number from { $min } to { $max }. Please type it again.
settings-invalid-digestHour = I need an hour from { $min } to { $max }, e.g. 9 or 09:00. Please type it again.
settings-invalid-workingHours = I did not understand the hours. Type the start and the end of the day with a dash, e.g. 9-19; the start before the end.
settings-invalid-deadlineWindowHours = I need a whole number of hours from { $min } to { $max }. Please type it again.
settings-invalid-weight = I need a number from { $min } to { $max }, e.g. 0.5. Please type it again.
settings-type-or-quit = Type a value or tap “Leave as is”.
settings-saved = ✅ Saved.
settings-unchanged = All right, leaving it as it was.
settings-gone = This can no longer be changed: open /settings again.
