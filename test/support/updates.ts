// Real Telegram update objects, as the Bot API would deliver them.
import type { Chat, Message, Update, User } from "grammy/types";

let updateId = 1;
let messageId = 1;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function telegramUser(id: number, options: Partial<User> = {}): User {
  return { id, is_bot: false, first_name: `User${id}`, language_code: "ru", ...options };
}

export function privateChat(user: User): Chat.PrivateChat {
  return { id: user.id, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) };
}

export function groupChat(id: number, title = "Sales team"): Chat.SupergroupChat {
  return { id, type: "supergroup", title };
}

function baseMessage(from: User, chat: Chat, now: Date) {
  return { message_id: messageId++, date: seconds(now), from, chat };
}

/** A text message; a leading /command gets its bot_command entity, as Telegram adds it. */
export function textUpdate(from: User, text: string, chat: Chat, now: Date): Update {
  const message = { ...baseMessage(from, chat, now), text } as Message.TextMessage;
  const command = /^\/[a-z0-9_]+(@\w+)?/i.exec(text);
  if (command) message.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
  return { update_id: updateId++, message } as Update;
}

/** A tap on an inline button of `message` (a message the bot sent). */
export function callbackUpdate(from: User, data: string, message: { message_id: number; chat: Chat }, now: Date): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: `cb${updateId}`,
      from,
      chat_instance: `ci${message.chat.id}`,
      data,
      message: { message_id: message.message_id, date: seconds(now), chat: message.chat, text: "…" } as Message,
    },
  };
}

export function documentUpdate(
  from: User,
  chat: Chat,
  doc: { fileId: string; fileName?: string; mimeType?: string; size: number; caption?: string },
  now: Date,
): Update {
  return {
    update_id: updateId++,
    message: {
      ...baseMessage(from, chat, now),
      document: {
        file_id: doc.fileId,
        file_unique_id: `u-${doc.fileId}`,
        ...(doc.fileName !== undefined ? { file_name: doc.fileName } : {}),
        ...(doc.mimeType !== undefined ? { mime_type: doc.mimeType } : {}),
        file_size: doc.size,
      },
      ...(doc.caption ? { caption: doc.caption } : {}),
    } as Message.DocumentMessage,
  } as Update;
}

export function photoUpdate(from: User, chat: Chat, now: Date): Update {
  return {
    update_id: updateId++,
    message: {
      ...baseMessage(from, chat, now),
      photo: [{ file_id: "photo1", file_unique_id: "uphoto1", width: 100, height: 100, file_size: 2000 }],
    } as Message.PhotoMessage,
  } as Update;
}

/** The bot was blocked ("kicked") or unblocked ("member") by a user in their private chat. */
export function myChatMemberUpdate(from: User, status: "kicked" | "member", now: Date): Update {
  const bot = { id: 1, is_bot: true, first_name: "Bot" };
  return {
    update_id: updateId++,
    my_chat_member: {
      chat: privateChat(from),
      from,
      date: seconds(now),
      old_chat_member: status === "kicked" ? { status: "member", user: bot } : { status: "kicked", user: bot, until_date: 0 },
      new_chat_member: status === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: "member", user: bot },
    },
  } as Update;
}

/** The bot was added to a group by `from` (Telegram sends my_chat_member to the bot). */
export function botAddedToGroupUpdate(from: User, chat: Chat, now: Date, botId = 123456): Update {
  const bot = { id: botId, is_bot: true, first_name: "Handover" };
  return {
    update_id: updateId++,
    my_chat_member: {
      chat,
      from,
      date: seconds(now),
      old_chat_member: { status: "left", user: bot },
      new_chat_member: { status: "member", user: bot },
    },
  } as Update;
}
