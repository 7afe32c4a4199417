// What kind of commitment is a sentence? One rule for everything people write: a commitment typed on a
// client's card, a line of the handover interview, an item found in a CRM file's notes.
//   «обещали бесплатную доставку»  → promise   (something we promised the client)
//   «прислать КП и счёт»           → document  (a document we owe)
//   «договор до 30.11»             → deadline  (a date the client's business hangs on)
// Plain regular expressions, Russian and English, no dates parsed here: the caller says whether the
// sentence carries a due date.
import type { CommitmentKind } from "./types.js";

// Word starts in Unicode terms (JS `\b` knows only Latin letters).
const W = "(?<![\\p{L}\\p{N}])";

/** Papers that travel: we send or the client waits for them. */
const DOCUMENTS = new RegExp(
  `${W}(кп(?![\\p{L}])|коммерческ|сч[её]т|акт(?![\\p{L}])|акты|актов|накладн|документ|паспорт|скан|копи[юяи]|доверенност|справк|выписк|спецификац|смет|прайс|презентац|договор|контракт|соглашени|invoice|quote|proposal|document|papers|passport|scan|copy|price list|contract|agreement|paperwork)`,
  "iu",
);
/** Papers whose DATE is the client's deadline when one is given («договор до 30.11»). */
const DATED_DEALS = new RegExp(`${W}(договор|контракт|соглашени|оплат|продлени|тендер|поставк|отгрузк|contract|agreement|payment|renewal|tender|delivery)`, "iu");
/** Verbs of sending or preparing: with a paper, it is a document we owe («прислать договор до 30.11»). */
const SENDING = new RegExp(
  `${W}(присла|высла|отправ|переда|подготов|сдела|скин|направ|предостав|ждёт|ждет|жд[уёе]т|должны|send|email|e-mail|mail|prepare|provide|forward|owe|waiting)`,
  "iu",
);
const DEADLINE = new RegExp(`${W}(срок|дедлайн|крайн|не позднее|deadline|due date|cut-off|cutoff)`, "iu");
const PROMISE = new RegExp(`${W}(обещ|пообещ|гарантир|promis|guarantee)`, "iu");

/**
 * The kind a sentence most likely means. `hasDate`: the sentence carries a due date (a dated contract is
 * the client's deadline, an undated one is a paper we owe).
 */
export function classifyCommitment(text: string, hasDate: boolean): CommitmentKind {
  if (DEADLINE.test(text)) return "deadline";
  const paper = DOCUMENTS.test(text);
  const promised = PROMISE.test(text);
  // «обещал КП», «прислать договор»: a paper someone has to send.
  if (paper && (promised || SENDING.test(text))) return "document";
  if (promised) return "promise";
  if (hasDate && DATED_DEALS.test(text)) return "deadline";
  if (paper) return "document";
  return "promise";
}

/** Does a sentence name a paper at all? (Notes without a date are taken only when they do.) */
export function mentionsDocument(text: string): boolean {
  return DOCUMENTS.test(text);
}
