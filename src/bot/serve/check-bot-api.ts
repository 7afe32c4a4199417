// The first call at start, before anything retries: says in one line why the bot cannot start.
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";

export type BotApiCheck = { ok: true; me: UserFromGetMe } | { ok: false; message: string };

const TRY_SECONDS = 10;
const TRIES = 2;
const PAUSE_MS = 2_000;

/** Asks getMe at most twice, 10 s each: an answer within about 25 s, whatever the network does. */
export async function checkBotApi(token: string, apiRoot: string): Promise<BotApiCheck> {
  const api = new Api(token, { apiRoot, timeoutSeconds: TRY_SECONDS });
  let reason = "";
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    try {
      return { ok: true, me: await api.getMe() };
    } catch (err) {
      if (err instanceof GrammyError) {
        if (err.error_code === 401 || err.error_code === 404) {
          return { ok: false, message: `The Bot API at ${apiRoot} refused BOT_TOKEN (${err.error_code} ${err.description}): check the token from @BotFather.` };
        }
        reason = `${err.error_code} ${err.description}`;
      } else {
        reason = networkReason(err);
      }
    }
    if (attempt < TRIES) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return { ok: false, message: `Cannot reach the Bot API at ${apiRoot}: ${scrub(reason, token)}.` };
}

/** What went wrong on the wire, in a few words: "connect ECONNREFUSED 127.0.0.1:9", "timed out after 10 s". */
export function networkReason(err: unknown): string {
  const cause = err instanceof HttpError ? err.error : err;
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    const message = inner instanceof Error && inner.message ? inner.message : cause.message;
    if (/abort|timed? ?out/i.test(message)) return `no answer within ${TRY_SECONDS} s`;
    // node-fetch says "request to <url with the token> failed, reason: connect ECONNREFUSED 127.0.0.1:9".
    return /reason: (.+)$/s.exec(message)?.[1] ?? message;
  }
  return String(cause);
}

function scrub(text: string, token: string): string {
  return text.split(token).join("[token]");
}
