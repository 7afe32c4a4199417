// A button tap goes straight to the feature that owns its callback data's prefix (the part before the
// first ':'). Offered to every feature in turn, a tap would walk some sixty handlers, and grammY builds a
// fresh Composer for each handler's filter on every update: most of the cost of a tap. Other updates walk
// the features in order, as usual.
import type { Composer, MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";

export type ButtonOwners = Record<string, Composer<BotContext>>;

export function prefixOf(data: string): string {
  const colon = data.indexOf(":");
  return colon < 0 ? data : data.slice(0, colon);
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
