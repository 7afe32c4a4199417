// Which open dialogue a person's typed text belongs to. Several dialogues may wait in one chat at once
// (an /offboard dialogue and a call card asking for a date, say); text answers the one that asked last.
// Kept in memory: after a restart nobody has focus and the first waiting dialogue takes the text.

/** A dialogue left waiting longer than the longest dialogue timeout no longer holds the focus. */
const STALE_MS = 60 * 60 * 1000;

const waiting = new Map<string, { token: string; since: number }[]>();

export const focusKey = (chatId: number, userId: number) => `${chatId}:${userId}`;

/** The dialogue starts waiting: it goes on top. */
export function takeFocus(key: string, token: string, now: number): void {
  const list = (waiting.get(key) ?? []).filter((w) => w.token !== token && now - w.since < STALE_MS);
  list.push({ token, since: now });
  waiting.set(key, list);
}

/** The dialogue got its answer or ended. */
export function releaseFocus(key: string, token: string): void {
  const list = waiting.get(key)?.filter((w) => w.token !== token) ?? [];
  if (list.length === 0) waiting.delete(key);
  else waiting.set(key, list);
}

/** True when this dialogue should take the text: it asked last, or nobody is known to be waiting. */
export function hasFocus(key: string, token: string, now: number): boolean {
  const list = (waiting.get(key) ?? []).filter((w) => now - w.since < STALE_MS);
  return list.length === 0 || list.at(-1)!.token === token;
}

/** Who has a dialogue waiting in this chat (Telegram user ids, the latest asker last). */
export function waitersIn(chatId: number): number[] {
  const found: { userId: number; since: number }[] = [];
  for (const [key, list] of waiting) {
    const [chat, user] = key.split(":");
    if (Number(chat) === chatId && list.length > 0) found.push({ userId: Number(user), since: Math.max(...list.map((w) => w.since)) });
  }
  return found.sort((a, b) => a.since - b.since).map((f) => f.userId);
}
