// Public shapes of the import pipeline. Re-exported by parse-client-file.ts, which is the entry point
// other modules should import from.

export type CommitmentKind = "promise" | "document" | "deadline";
export type Temperature = "hot" | "warm" | "cold";

export interface ParsedCommitment {
  kind: CommitmentKind;
  text: string;
  /** 'YYYY-MM-DD' */
  dueOn: string | null;
}

/** A commitment found in a notes column: proposed to the lead, written only if they keep it. */
export interface NoteFinding extends ParsedCommitment {
  /** Unique within the file, in row order: how the lead's picks refer to it. */
  index: number;
}

export interface ParsedClientRow {
  /** 1-based row number as the user sees it in Excel (header row = 1, title rows and blank lines count). */
  rowNumber: number;
  name: string;
  company: string | null;
  /** E.164, unique within the row. Unparseable phones are dropped with a `bad_phone` warning. */
  phones: string[];
  /** Lower-cased and validated. */
  email: string | null;
  externalId: string | null;
  /** Raw owner text as typed (name, @username or numeric Telegram id); matched to members elsewhere. */
  owner: string | null;
  /** Raw text of the "other managers" column (names, comma-separated): more voices with the client. */
  voices?: string | null;
  temperature: Temperature;
  lastContactOn: string | null;
  nextContactOn: string | null;
  notes: string | null;
  commitments: ParsedCommitment[];
  /** Commitments found in the notes (see scan-notes.ts); absent when none. */
  noteFindings?: NoteFinding[];
}

export type ProblemCode =
  | "missing_name"
  | "bad_date"
  | "bad_phone"
  | "bad_email"
  | "bad_temperature"
  | "duplicate_row"
  | "too_long"
  /** Reserved, never emitted: broken quoting refuses the whole file as `broken_csv` with its row number. */
  | "broken_quotes";

export interface RowProblem {
  rowNumber: number;
  code: ProblemCode;
  field?: string;
  /** The offending value, cut to 100 characters. Personal data: show it to the uploader, never log it. */
  value?: string;
  severity: "error" | "warning";
  /** For `duplicate_row`: the row the duplicate was merged into. */
  duplicateOf?: number;
}

export type FileErrorCode =
  | "empty"
  | "binary"
  | "unsupported_type"
  | "too_large"
  | "no_name_column"
  | "unreadable_xlsx"
  | "broken_csv"
  /** The zip inside the .xlsx declares or inflates to more than the limit: a zip bomb or a monster sheet. */
  | "xlsx_too_large"
  /** A password-protected Excel file (an OLE container holding an EncryptedPackage). */
  | "encrypted";

export type ParseResult =
  | {
      ok: true;
      rows: ParsedClientRow[];
      /** Errors: the rows they name were rejected. */
      rejected: RowProblem[];
      /** Warnings: the rows were kept, the bad value dropped (or cut, for too_long). */
      warnings: RowProblem[];
      headersSeen: string[];
      /** field -> header as seen; several columns feeding one field are joined with ", ". */
      columns: Record<string, string>;
      /** Non-empty data rows below the header (accepted + rejected + merged duplicates). */
      totalRows: number;
      /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1251", "koi8-r", "iso-8859-5" or "xlsx". */
      encoding: string;
      /** CSV only: ",", ";" or "\t". */
      delimiter?: string;
    }
  | { ok: false; error: FileErrorCode; headersSeen?: string[]; needed?: string[]; rowNumber?: number };

export interface ParseOptions {
  /** ISO 3166 alpha-2 country for numbers written without a country code. Default "RU". */
  defaultCountry?: "RU" | string;
  /** Default 20 MB, Telegram's bot download limit. */
  maxBytes?: number;
  /** The team's local date ('YYYY-MM-DD', from the caller's clock): infers the year of dates written without one. */
  today: string;
}

/** A cell as the readers hand it over: CSV gives strings, XLSX also numbers, dates and booleans. */
export type RawCell = string | number | Date | boolean | null | undefined;
