// Hash indexes for the in-file duplicate check: key -> position of the first row that had it (first writer
// wins). Open addressing in typed arrays instead of Maps with string keys: a Map of 100,000+ strings holds
// 28 bytes a slot and leaves every smaller table it outgrew to the garbage collector, and the three of
// them were the largest part of validating a big file. Here a slot is a row position and a 32-bit hash
// (phones: the number itself), the garbage collector has nothing to trace, and a probe is a few reads
// from one run of memory.

const NONE = -1;
const MIN_SLOTS = 1024;

/** Positions of rows by a string key that never changes once the row has it (an e-mail, a CRM id). */
export interface StringKeyIndex {
  /** The position stored for `key`, or -1. */
  get(key: string): number;
  /** Stores `position` for `key` unless the key is taken. */
  setOnce(key: string, position: number): void;
}

/**
 * `keyAt(position)` is the key the row at `position` is indexed by: hashes are only a pre-check, every
 * match is confirmed on the row's own key, so a collision never merges two rows.
 */
export function createStringKeyIndex(keyAt: (position: number) => string | null): StringKeyIndex {
  let slots = new Int32Array(MIN_SLOTS).fill(NONE);
  let hashes = new Int32Array(MIN_SLOTS);
  let size = 0;

  /** The slot holding `key`, or the bitwise complement of the empty slot where it would go. */
  const find = (key: string, hash: number): number => {
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const position = slots[i]!;
      if (position === NONE) return ~i;
      if (hashes[i] === hash && keyAt(position) === key) return i;
    }
  };

  const grow = (): void => {
    const oldSlots = slots;
    const oldHashes = hashes;
    slots = new Int32Array(oldSlots.length * 2).fill(NONE);
    hashes = new Int32Array(oldSlots.length * 2);
    const mask = slots.length - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      const position = oldSlots[j]!;
      if (position === NONE) continue;
      let i = oldHashes[j]! & mask;
      while (slots[i] !== NONE) i = (i + 1) & mask;
      slots[i] = position;
      hashes[i] = oldHashes[j]!;
    }
  };

  return {
    get(key) {
      const i = find(key, hashString(key));
      return i >= 0 ? slots[i]! : NONE;
    },
    setOnce(key, position) {
      const hash = hashString(key);
      const i = find(key, hash);
      if (i >= 0) return;
      slots[~i] = position;
      hashes[~i] = hash;
      if (++size * 4 > slots.length * 3) grow();
    },
  };
}

/** Positions of rows by E.164 phone number. */
export interface PhoneIndex {
  get(phone: string): number;
  setOnce(phone: string, position: number): void;
}

/**
 * An E.164 number («+79161234567»: a plus and at most 15 digits, no leading zero) is kept as the number
 * it spells, exact in a double; anything else (never produced today) falls back to a Map.
 */
export function createPhoneIndex(): PhoneIndex {
  let slots = new Int32Array(MIN_SLOTS).fill(NONE);
  let keys = new Float64Array(MIN_SLOTS);
  let size = 0;
  const other = new Map<string, number>();

  const find = (key: number): number => {
    const mask = slots.length - 1;
    for (let i = hashNumber(key) & mask; ; i = (i + 1) & mask) {
      if (slots[i] === NONE) return ~i;
      if (keys[i] === key) return i;
    }
  };

  const grow = (): void => {
    const oldSlots = slots;
    const oldKeys = keys;
    slots = new Int32Array(oldSlots.length * 2).fill(NONE);
    keys = new Float64Array(oldSlots.length * 2);
    const mask = slots.length - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] === NONE) continue;
      let i = hashNumber(oldKeys[j]!) & mask;
      while (slots[i] !== NONE) i = (i + 1) & mask;
      slots[i] = oldSlots[j]!;
      keys[i] = oldKeys[j]!;
    }
  };

  return {
    get(phone) {
      const key = phoneNumber(phone);
      if (key < 0) return other.get(phone) ?? NONE;
      const i = find(key);
      return i >= 0 ? slots[i]! : NONE;
    },
    setOnce(phone, position) {
      const key = phoneNumber(phone);
      if (key < 0) {
        if (!other.has(phone)) other.set(phone, position);
        return;
      }
      const i = find(key);
      if (i >= 0) return;
      slots[~i] = position;
      keys[~i] = key;
      if (++size * 4 > slots.length * 3) grow();
    },
  };
}

/** The digits of «+<digits>» as a number, or -1 when the text is not that shape. */
function phoneNumber(phone: string): number {
  const n = phone.length;
  if (n < 2 || n > 16 || phone.charCodeAt(0) !== 0x2b || phone.charCodeAt(1) === 0x30) return -1;
  let value = 0;
  for (let i = 1; i < n; i++) {
    const d = phone.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** FNV-1a over UTF-16 units, then mixed so the low bits (the slot) depend on every character. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

function hashNumber(value: number): number {
  const low = value % 0x100000000;
  const high = (value - low) / 0x100000000;
  return mix(low ^ Math.imul(high, 0x9e3779b1));
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
