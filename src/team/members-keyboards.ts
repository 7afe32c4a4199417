// Callback data of /team's management buttons: co-lead requests and removing a member. Ids only, never trusted.
export const MEMBERS_PREFIX = "tm";

export const tm = {
  /** `inTeam`: the button sits in the /team message, which is redrawn after the decision. */
  accept: (requestId: number, inTeam = false) => `tm:${inTeam ? "t" : ""}jr:ok:${requestId}`,
  decline: (requestId: number, inTeam = false) => `tm:${inTeam ? "t" : ""}jr:no:${requestId}`,
  member: (memberId: number) => `tm:m:${memberId}`,
  remove: (memberId: number) => `tm:rm:${memberId}`,
  back: () => "tm:back",
  deleteTeam: () => "tm:delteam",
};
