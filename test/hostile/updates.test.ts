// Updates nobody designs for: edits, channel posts, stickers, a callback without a message or without data,
// a message with no sender, 5,000-character texts outside any dialogue. The bot answers politely or stays
// quiet, never logs an error, never writes anything.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectCleanRun, expectUnchanged, snapshot, type World } from "./support.js";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.h.close());

let seq = 900_000;
const now = () => Math.floor(w.h.clock.now().getTime() / 1000);
const from = (id: number) => ({ id, is_bot: false, first_name: `U${id}`, language_code: "ru" });
const dm = (id: number) => ({ id, type: "private" as const, first_name: `U${id}` });

const updates: [string, () => Update][] = [
  ["an edited message with a command", () => ({ update_id: seq++, edited_message: { message_id: 5, date: now(), edit_date: now(), chat: dm(100), from: from(100), text: "/export", entities: [{ type: "bot_command", offset: 0, length: 7 }] } }) as Update],
  ["a channel post", () => ({ update_id: seq++, channel_post: { message_id: 6, date: now(), chat: { id: -100777, type: "channel", title: "Канал" }, text: "/offboard" } }) as Update],
  ["a sticker from the lead", () => ({ update_id: seq++, message: { message_id: 7, date: now(), chat: dm(100), from: from(100), sticker: { file_id: "s", file_unique_id: "us", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } }) as Update],
  ["a contact shared by a stranger", () => ({ update_id: seq++, message: { message_id: 8, date: now(), chat: dm(900), from: from(900), contact: { phone_number: "+79160000000", first_name: "X" } } }) as Update],
  ["a location from a manager", () => ({ update_id: seq++, message: { message_id: 9, date: now(), chat: dm(200), from: from(200), location: { latitude: 55.7, longitude: 37.6 } } }) as Update],
  ["a callback from an inline message (no message)", () => ({ update_id: seq++, callback_query: { id: `x${seq}`, from: from(100), chat_instance: "ci", inline_message_id: "im1", data: "chk:d:1:1" } }) as Update],
  ["a callback without data (a game button)", () => ({ update_id: seq++, callback_query: { id: `x${seq}`, from: from(100), chat_instance: "ci", game_short_name: "g", message: { message_id: 1, date: now(), chat: dm(100), text: "…" } } }) as Update],
  ["a group message from an anonymous admin (no user)", () => ({ update_id: seq++, message: { message_id: 10, date: now(), chat: { id: -100555, type: "supergroup", title: "G" }, sender_chat: { id: -100555, type: "supergroup", title: "G" }, text: "/offboard", entities: [{ type: "bot_command", offset: 0, length: 9 }] } }) as Update],
  ["a message from another bot", () => ({ update_id: seq++, message: { message_id: 11, date: now(), chat: { id: -100556, type: "supergroup", title: "G" }, from: { id: 4242, is_bot: true, first_name: "Bot" }, text: "/clients", entities: [{ type: "bot_command", offset: 0, length: 8 }] } }) as Update],
  ["a 5,000-character text outside any dialogue", () => ({ update_id: seq++, message: { message_id: 12, date: now(), chat: dm(100), from: from(100), text: "<b>".repeat(1666) + "xx" } }) as Update],
  ["a command with 4,000 characters of arguments", () => ({ update_id: seq++, message: { message_id: 13, date: now(), chat: dm(100), from: from(100), text: `/offboard ${"шаблон".repeat(660)}`, entities: [{ type: "bot_command", offset: 0, length: 9 }] } }) as Update],
  ["an invite token of 4,000 characters", () => ({ update_id: seq++, message: { message_id: 14, date: now(), chat: dm(901), from: from(901), text: `/start ${"A".repeat(4000)}`, entities: [{ type: "bot_command", offset: 0, length: 6 }] } }) as Update],
  ["a command for another bot in a group", () => ({ update_id: seq++, message: { message_id: 15, date: now(), chat: { id: -100557, type: "supergroup", title: "G" }, from: from(100), text: "/export@other_bot", entities: [{ type: "bot_command", offset: 0, length: 17 }] } }) as Update],
];

describe("unexpected updates", () => {
  it.each(updates)("%s", async (_label, make) => {
    const before = snapshot(w.h.db);
    const start = w.h.calls().length;
    await w.h.handle(make());
    expectUnchanged(w.h.db, before);
    expectCleanRun(w.h, start);
    // Never a document with the client base for an edit or a foreign bot's command.
    expect(w.h.calls("sendDocument").length).toBe(0);
  });
});
