// How people are named in texts and buttons.

/** A Telegram user as the bot first names them: first and last name, else @username, else "—". */
export function displayName(user: { first_name?: string | undefined; last_name?: string | undefined; username?: string | undefined }): string {
  const full = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  return full || handle(user.username) || "—";
}

/** "@username"; null without one (what tells two namesakes apart on a button). */
export function handle(username: string | null | undefined): string | null {
  return username ? `@${username}` : null;
}
