/** Deep links that open the bot with an invite token as the /start payload. */
export function inviteLinks(botUsername: string, team: { managerInviteToken: string; leadInviteToken: string }) {
  return {
    manager: `https://t.me/${botUsername}?start=${team.managerInviteToken}`,
    lead: `https://t.me/${botUsername}?start=${team.leadInviteToken}`,
  };
}
