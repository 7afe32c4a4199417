// A button tap goes straight to the capability that owns its callback data's prefix (the part before the
// first ':'). Offered to every feature in turn, a tap would walk some sixty handlers, and grammY builds a
// fresh Composer for each handler's filter on every update: most of the cost of a tap. Other updates walk
// the features in order, as usual. Who owns which prefix is read from the capability registry.
import { Composer, type CallbackQueryContext, type Context, type MiddlewareFn, type NextFunction } from "grammy";
import type { Capability } from "./capability.js";
import type { BotContext } from "./context.js";

export type ButtonOwners = Record<string, Composer<BotContext>>;

export function prefixOf(data: string): string {
  const colon = data.indexOf(":");
  return colon < 0 ? data : data.slice(0, colon);
}

/**
 * Who answers each prefix: the features of the capability that claims it (its `buttons`) which register
 * handlers for it (onButton), in mount order. A prefix only dialogues use (`ct`, `cla`) has no feature:
 * a tap on it with no dialogue open goes on to the "out of date" answer.
 */
export function answeringFeatures(list: readonly Capability[]): Record<string, readonly Composer<BotContext>[]> {
  const answering: Record<string, Composer<BotContext>[]> = {};
  for (const capability of list) {
    for (const prefix of capability.buttons ?? []) {
      const features = capability.features.filter((f) => registrations.some((r) => r.owner === prefix && r.composer === (f as unknown)));
      if (features.length > 0) answering[prefix] = features;
    }
  }
  return answering;
}

export function ownersOf(list: readonly Capability[]): ButtonOwners {
  return Object.fromEntries(Object.entries(answeringFeatures(list)).map(([prefix, features]) => [prefix, features.length === 1 ? features[0]! : new Composer<BotContext>(...features)]));
}

/** A prefix nobody owns (an old or forged button) goes on to what follows: the "out of date" answer. */
export function routeButtons(features: Composer<BotContext>, owners: ButtonOwners): MiddlewareFn<BotContext> {
  const everyFeature = features.middleware();
  const byPrefix = new Map(Object.entries(owners).map(([prefix, feature]) => [prefix, feature.middleware()]));
  return (ctx, next) => {
    const data = ctx.callbackQuery?.data;
    if (data === undefined) return everyFeature(ctx, next);
    const owner = byPrefix.get(prefixOf(data));
    return owner ? owner(ctx, next) : next();
  };
}

/** What a button handler reads a tap with: a codec or a set of codecs (bot/callback-data.ts). */
export interface TapReader<V> {
  readonly owner: string;
  readonly trigger: RegExp;
  decode(data: string | undefined): V | null;
}

/** Which Composer answers which prefix: recorded by onButton, checked against the registry by a test. */
const registrations: { composer: Composer<never>; owner: string }[] = [];
export const buttonRegistrations = (): readonly { composer: Composer<never>; owner: string }[] => registrations;

/**
 * Answers the taps `reader` decodes. Data it cannot decode (forged, or an old format) goes on to the next
 * handler, and in the end to the polite "this button is out of date". `chat: "private"`: only taps in a
 * private chat (others go on, as with `chatType("private")`).
 */
export function onButton<C extends Context, V>(
  composer: Composer<C>,
  reader: TapReader<V>,
  handler: (ctx: CallbackQueryContext<C>, tap: V, next: NextFunction) => unknown,
  options: { chat?: "private" } = {},
): void {
  registrations.push({ composer: composer as unknown as Composer<never>, owner: reader.owner });
  composer.callbackQuery(reader.trigger, async (ctx, next) => {
    if (options.chat !== undefined && ctx.chat?.type !== options.chat) return next();
    const tap = reader.decode(ctx.callbackQuery.data);
    if (tap === null) return next();
    await handler(ctx, tap, next);
  });
}
