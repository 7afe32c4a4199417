import type { User } from "grammy/types";

/** How a Telegram user is called in lists: first and last name, or @username. */
export function displayName(user: Pick<User, "first_name" | "last_name" | "username">): string {
  const full = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  return full || (user.username ? `@${user.username}` : "—");
}
