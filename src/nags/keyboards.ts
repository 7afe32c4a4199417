// Callback data of the buttons under nags. They open other features' flows; each feature checks the tap
// against the database itself.
export const nagData = {
  /** The distribution feature's "distribute the pool now". */
  distribute: () => "dist:start",
  /** The calls feature's list for today. */
  today: () => "today:show",
  /** The offboard feature's checklist of a handover. */
  checklist: (handoverId: number) => `chk:open:${handoverId}`,
  /** /status: show it again, fresh. */
  statusRefresh: () => "st:refresh",
};
