// Whose date a reached call leaves as the client's next contact. The owner plans their client: their own
// call sets the date. Anyone else who reached the client (a colleague's second-voice touch, a lead's call)
// may bring it nearer but never pushes back a date the owner still has ahead, so the owner's agreed call
// stays on their list; a date already passed, or none, is theirs to replace.

/** The client's next contact after a reached call: `asked` is the date the caller picked. */
export function nextContactAfterReach(input: { current: string | null; asked: string; today: string; byOwner: boolean }): string {
  const { current, asked, today, byOwner } = input;
  if (byOwner || current === null || current < today) return asked;
  return current < asked ? current : asked;
}
