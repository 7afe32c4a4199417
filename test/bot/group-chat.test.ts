// Answering in a group with privacy mode on: typed answers are asked with force_reply, a lead who never
// opened the bot is told how to go on in private, private-only commands point to the private chat.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Persona } from "../support/harness.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let group: ReturnType<Harness["group"]>;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(300, "manager", { first_name: "Вера" });
  group = h.group();
  await lead.send("/link", group.chat);
});
afterEach(() => h.close());

const groupSends = () => h.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === group.id);
type ForceReply = { force_reply?: boolean; selective?: boolean; input_field_placeholder?: string };

describe("typed answers in a group", () => {
  it("asks “who is leaving” with a selective force_reply to the lead's message and a placeholder", async () => {
    await lead.send("/offboard", group.chat);
    const sends = groupSends();
    const asked = sends.find((c) => String(c.payload.text).includes("Кто уходит?"))!;
    expect(asked).toBeDefined();
    const prompt = sends.at(-1)!;
    const markup = prompt.payload.reply_markup as ForceReply;
    expect(markup).toMatchObject({ force_reply: true, selective: true });
    expect(markup.input_field_placeholder).toBe("Имя уходящего");
    expect((prompt.payload.reply_parameters as { message_id: number }).message_id).toBeGreaterThan(0);
    // A name it does not know is asked again the same way; the typed name (a reply, as Telegram
    // delivers it with privacy mode on) is understood.
    await lead.send("Зинаида", group.chat);
    expect(groupSends().at(-2)!.payload.text).toContain("Зинаида");
    expect(groupSends().at(-1)!.payload.reply_markup as ForceReply).toMatchObject({ force_reply: true, selective: true });
    await lead.send("Борис", group.chat);
    expect(group.last()!.text).toContain("продолжим в личке");
  });

  it("asks a skip reason with force_reply that mentions the lead after a tap", async () => {
    await lead.send("/offboard", group.chat);
    await lead.tapButton("Борис", group.chat);
    await lead.tapButton("Продолжить передачу");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    await lead.tapButton(/^2\. /, group.chat);
    await lead.tapButton("Пропустить", group.chat);
    const prompt = groupSends().at(-1)!;
    expect(prompt.payload.reply_markup as ForceReply).toMatchObject({ force_reply: true, selective: true, input_field_placeholder: "Почему шаг не нужен" });
    expect(String(prompt.payload.text)).toContain(`tg://user?id=${lead.id}`);
    await boris.tapButton("Не требуется", group.chat);
    expect(boris.toasts().at(-1)).toBe("Это диалог, который ведёт Анна.");
    await boris.tap("lang:zz", { messageId: group.last()!.messageId, chatId: group.id }, group.chat);
    expect(boris.toasts().at(-1)).toBe("Эта кнопка устарела. Откройте свежее сообщение.");
    await lead.send("не нужен, доступов не было", group.chat);
    expect(group.messages().map((m) => m.text).join("\n")).toContain("⏭");
  });

  it("says whose dialogue it is when someone else taps its buttons", async () => {
    await lead.send("/offboard", group.chat);
    await boris.tapButton("Вера", group.chat);
    expect(boris.toasts()).toEqual(["Это диалог, который ведёт Анна."]);
  });
});

describe("going on in private", () => {
  it("tells a lead who never opened the bot how to go on, and the deep link offers the same step", async () => {
    h.telegram.blockedChats.add(lead.id);
    await lead.send("/offboard", group.chat);
    await lead.tapButton("Борис", group.chat);
    const note = group.last()!;
    expect(note.text).toContain("Написать вам первым я не могу");
    const url = note.buttons.flat()[0]!.url!;
    expect(url).toMatch(/^https:\/\/t\.me\/handover_test_bot\?start=c-off_go_\d+_g$/);
    h.telegram.blockedChats.delete(lead.id);
    await lead.send(`/start ${url.split("start=")[1]}`);
    await lead.tapButton("Продолжить");
    expect(lead.lastText()).toContain("Как уходит Борис?");
  });

  it("answers private-only commands in the group with a button to the private chat", async () => {
    for (const command of ["/settings", "/distribute", "/script", "/status", "/clients", "/export", "/offboard template"]) {
      await lead.send(command, group.chat);
      const last = group.last()!;
      expect(last.text, command).toContain("только в личном чате");
      expect(last.buttons.flat()[0]!.url).toBe("https://t.me/handover_test_bot");
    }
  });

  it("refuses at the Bot API to send an invite link to a group, whatever code tries", async () => {
    const link = `https://t.me/handover_test_bot?start=${h.team().leadInviteToken}`;
    await expect(h.bot.api.sendMessage(group.id, `links: ${link}`)).rejects.toThrow(/invite link/);
    expect(groupSends().some((c) => String(c.payload.text).includes(link))).toBe(false);
    await expect(h.bot.api.sendMessage(lead.id, link)).resolves.toBeTruthy();
  });
});
