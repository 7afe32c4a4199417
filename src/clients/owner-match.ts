// Who is "Петров Пётр" in a CRM export? Owners in files are typed by people: the same person appears as
// «Пётр Петров», «петров петр», "Petr Petrov", «@petrov» or a Telegram id. A name one typo away from a
// member's, missing a first or last name or written by ear in the other alphabet is never taken for a new
// person: it comes back as a near miss for the lead to decide. This module turns such text into a member.
import type { MemberRole, MemberStatus } from "../db/schema.js";
import { mayBeSamePerson, nameSkeleton } from "./import/name-skeleton.js";

export interface RosterMember {
  id: number;
  name: string;
  username: string | null;
  telegramId: number | null;
  role: MemberRole;
  status: MemberStatus;
}

/** Case-, ё/е- and spacing-insensitive form of a person's name. */
export function normalisePersonName(name: string): string {
  return name.toLowerCase().replace(/ё/g, "е").replace(/[\s\u00a0]+/g, " ").trim();
}

/** The same, with words in alphabetical order: «Пётр Петров» = «Петров Пётр». */
export function nameTokensKey(name: string): string {
  return normalisePersonName(name).split(" ").filter(Boolean).sort().join(" ");
}

export type OwnerRef =
  | { kind: "member"; member: RosterMember }
  /** Nobody matches; a member known by name only will be added under `name`. */
  | { kind: "unknown_name"; key: string; name: string; username: string | null }
  /**
   * Nobody matches exactly, but one member may be meant: a typo away («Мария Иваноа»), a first or last name
   * missing («Борис» / «Борис Семёнов») or written by ear («Джон Смит»). Ask, never guess.
   */
  | { kind: "near_miss"; key: string; name: string; member: RosterMember }
  /** A numeric Telegram id nobody in the team has: we cannot invent a person from a number. */
  | { kind: "unknown_id"; text: string };

const STATUS_ORDER: Record<MemberStatus, number> = { active: 0, departing: 1, left: 2 };

/** Lookup tables over a team's roster (everyone, including those who left: their names still match). */
export class OwnerIndex {
  private byName = new Map<string, RosterMember>();
  private byTokens = new Map<string, RosterMember>();
  /** Alphabet- and transliteration-insensitive: "Anna Kuznetsova" = «Кузнецова Анна». */
  private bySkeleton = new Map<string, RosterMember>();
  private sorted: RosterMember[];
  private byUsername = new Map<string, RosterMember>();
  private byTelegramId = new Map<number, RosterMember>();

  constructor(roster: readonly RosterMember[]) {
    // Best candidate first: someone active and reachable beats a namesake who left long ago.
    const sorted = [...roster].sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        Number(a.telegramId === null) - Number(b.telegramId === null) ||
        a.id - b.id,
    );
    this.sorted = sorted;
    for (const m of sorted) {
      const name = normalisePersonName(m.name);
      if (name && !this.byName.has(name)) this.byName.set(name, m);
      const tokens = nameTokensKey(m.name);
      if (tokens && !this.byTokens.has(tokens)) this.byTokens.set(tokens, m);
      const skeleton = nameSkeleton(m.name);
      if (skeleton && !this.bySkeleton.has(skeleton)) this.bySkeleton.set(skeleton, m);
      if (m.username) {
        const u = m.username.toLowerCase();
        if (!this.byUsername.has(u)) this.byUsername.set(u, m);
      }
      if (m.telegramId !== null && !this.byTelegramId.has(m.telegramId)) this.byTelegramId.set(m.telegramId, m);
    }
  }

  resolve(text: string): OwnerRef {
    const raw = text.replace(/[\s\u00a0]+/g, " ").trim();
    const at = /^@([A-Za-z0-9_]{3,64})$/.exec(raw);
    if (at) {
      const found = this.byUsername.get(at[1]!.toLowerCase());
      if (found) return { kind: "member", member: found };
      return { kind: "unknown_name", key: `@${at[1]!.toLowerCase()}`, name: `@${at[1]!}`, username: at[1]! };
    }
    if (/^\d{3,15}$/.test(raw)) {
      const found = this.byTelegramId.get(Number(raw));
      if (found) return { kind: "member", member: found };
      return { kind: "unknown_id", text: raw };
    }
    const found = this.byName.get(normalisePersonName(raw)) ?? this.byTokens.get(nameTokensKey(raw)) ?? this.bySkeleton.get(nameSkeleton(raw));
    if (found) return { kind: "member", member: found };
    // A bare username without "@" is common in hand-made sheets.
    const asUsername = /^[A-Za-z][A-Za-z0-9_]{4,31}$/.test(raw) ? this.byUsername.get(raw.toLowerCase()) : undefined;
    if (asUsername) return { kind: "member", member: asUsername };
    // Called once per distinct owner text (the planner caches decisions), so a roster scan is fine.
    const near = this.sorted.find((m) => m.status !== "left" && mayBeSamePerson(raw, m.name));
    if (near) return { kind: "near_miss", key: nameTokensKey(raw), name: raw, member: near };
    return { kind: "unknown_name", key: nameTokensKey(raw), name: raw, username: null };
  }
}
