import { CSV_BOM, csvLine, csvStream } from "@/lib/csv";
import "server-only";
import { parse } from "csv-parse/sync";
import { and, asc, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { accessWindows, subscriptions, users } from "@/db/schema";
import { summarizeAccess, type AccessWindowLike } from "@/lib/access-rule";
import { emailField } from "@/lib/account-schemas";
import { recordAudit } from "@/lib/audit";
import { COMP_NOTE_MAX, compReference } from "@/lib/billing/comp";
import { addDays, isIsoDate, PAPER_TIME_ZONE } from "@/lib/dates";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { instantToWallTime } from "@/lib/issues-admin";

/**
 * Readers as CSV: the export for spreadsheets, and the import of a list of
 * readers (a club, a school, a newsroom's press list) with optional 赠阅.
 *
 * Import file: UTF-8 (or GB18030, as Chinese Excel saves it), header row
 * exactly `email,name,comp_until,note`, one reader a row:
 * - email: required; stored lower-cased. An address already registered is an
 *   existing account: it is not changed, only given the comp, if any.
 * - name: optional; used for new accounts only.
 * - comp_until: empty = no comp, the account is only created; YYYY-MM-DD =
 *   赠阅 to the end of that day (Beijing time); `open` = 赠阅 until revoked.
 * - note: optional reason for the comp (at most 200 characters); only with a comp.
 * New accounts have no password: the reader signs in with the mailed link or code.
 *
 * The check (dry run) writes nothing. The import checks again and writes every
 * row or none, in one transaction with multi-row inserts, plus one audit entry.
 */
export const IMPORT_COLUMNS = ["email", "name", "comp_until", "note"] as const;
export const EXPORT_COLUMNS = ["email", "name", "role", "access_now", "access_source", "access_until", "stripe_status", "created_at"] as const;
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const NAME_MAX = 100;
export const OPEN_ENDED = "open";
const BATCH = 1000;

/** The refusal in Chinese (tests compare with it); callers get it in their language. */
export const ONLY_ADMINS_IMPORT = "只有管理员可以导入读者";

/** Messages about the file, in the language of the admin who uploaded it. */
const messagesIn = (locale: Locale) => translatorFor(locale, "adminPeople.readerCsv");

export type ImportRow = {
  line: number;
  email: string;
  name: string | null;
  /** undefined: no comp; null: open-ended comp; a Date: the comp's exclusive end. */
  compUntil: Date | null | undefined;
  note: string;
};
export type RowProblem = { line: number; email: string; messages: string[] };
export type ImportReport = {
  /** A problem with the whole file (header, format, size); rows are not listed then. */
  fileError: string | null;
  rows: number;
  problems: RowProblem[];
  newAccounts: number;
  existingAccounts: number;
  compsToGrant: number;
};
export const isClean = (report: ImportReport): boolean => !report.fileError && report.problems.length === 0 && report.rows > 0;

/** The uploaded bytes as text: UTF-8 (with or without BOM), else GB18030, which Excel uses for Chinese on Windows. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** End of a calendar day in Beijing time: the next midnight there, exclusive. */
export const endOfPaperDay = (iso: string): Date => new Date(`${addDays(iso, 1)}T00:00:00+08:00`);

const emptyReport = (fileError: string | null): ImportReport => ({ fileError, rows: 0, problems: [], newAccounts: 0, existingAccounts: 0, compsToGrant: 0 });

/** Reads and checks every row without the database; problems are worded in `locale`. */
export function parseReaderCsv(text: string, now = new Date(), locale: Locale = defaultLocale): { fileError: string | null; rows: ImportRow[]; problems: RowProblem[] } {
  const t = messagesIn(locale);
  if (text.length > IMPORT_MAX_BYTES) return { fileError: t("tooLarge", { mb: IMPORT_MAX_BYTES / 1024 / 1024 }), rows: [], problems: [] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    const reason = e.code === "CSV_QUOTE_NOT_CLOSED" ? t("quoteNotClosed") : t("unparsable");
    return { fileError: e.lines ? t("badFormatNear", { line: e.lines, reason }) : t("badFormat", { reason }), rows: [], problems: [] };
  }
  const [header, ...body] = records;
  const headerCells = header?.record.map((c) => c.trim().toLowerCase()) ?? [];
  if (headerCells.join(",") !== IMPORT_COLUMNS.join(",")) {
    return { fileError: t("badHeader", { header: IMPORT_COLUMNS.join(","), found: headerCells.join(",").slice(0, 80) || t("emptyHeader") }), rows: [], problems: [] };
  }
  if (body.length === 0) return { fileError: t("noRows"), rows: [], problems: [] };
  if (body.length > IMPORT_MAX_ROWS) return { fileError: t("tooManyRows", { max: IMPORT_MAX_ROWS, count: body.length }), rows: [], problems: [] };

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const firstLineOf = new Map<string, number>();
  // Lists repeat a handful of dates: work each out once.
  const endOf = new Map<string, Date>();
  for (const { record, info } of body) {
    // info.lines is where the record ends; a quoted field with line breaks started earlier.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const messages: string[] = [];
    const [rawEmail = "", rawName = "", rawUntil = "", rawNote = ""] = record;
    if (record.length !== IMPORT_COLUMNS.length) messages.push(t("columnCount", { expected: IMPORT_COLUMNS.length, count: record.length }));

    const parsedEmail = emailField.safeParse(rawEmail);
    const email = parsedEmail.success ? parsedEmail.data : rawEmail.trim().toLowerCase();
    if (!parsedEmail.success) messages.push(email ? t("invalidEmail") : t("missingEmail"));
    else {
      const first = firstLineOf.get(email);
      if (first !== undefined) messages.push(t("duplicateEmail", { line: first }));
      else firstLineOf.set(email, line);
    }

    const name = rawName.trim();
    if (name.length > NAME_MAX) messages.push(t("nameTooLong", { max: NAME_MAX }));
    if (/[\u0000-\u001f\u007f]/.test(name)) messages.push(t("nameControl"));

    const until = rawUntil.trim();
    let compUntil: Date | null | undefined;
    if (!until) compUntil = undefined;
    else if (until.toLowerCase() === OPEN_ENDED) compUntil = null;
    else if (!isIsoDate(until)) messages.push(t("invalidUntil"));
    else {
      compUntil = endOf.get(until) ?? endOfPaperDay(until);
      endOf.set(until, compUntil);
      if (compUntil.getTime() <= now.getTime()) messages.push(t("untilPast"));
    }

    const note = rawNote.trim();
    if (note.length > COMP_NOTE_MAX) messages.push(t("noteTooLong", { max: COMP_NOTE_MAX }));
    if (note && !until) messages.push(t("noteWithoutComp"));

    if (messages.length) problems.push({ line, email: email.slice(0, 254), messages });
    else rows.push({ line, email, name: name || null, compUntil, note });
  }
  return { fileError: null, rows, problems };
}

async function existingEmails(db: Tx | Awaited<ReturnType<typeof getDb>>, emails: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < emails.length; i += BATCH) {
    const chunk = emails.slice(i, i + BATCH);
    for (const u of await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, chunk))) found.set(u.email, u.id);
  }
  return found;
}

function report(parsed: ReturnType<typeof parseReaderCsv>, existing: Map<string, string>): ImportReport {
  if (parsed.fileError) return emptyReport(parsed.fileError);
  const existingAccounts = parsed.rows.filter((r) => existing.has(r.email)).length;
  return {
    fileError: null,
    rows: parsed.rows.length + parsed.problems.length,
    problems: parsed.problems,
    newAccounts: parsed.rows.length - existingAccounts,
    existingAccounts,
    compsToGrant: parsed.rows.filter((r) => r.compUntil !== undefined).length,
  };
}

/**
 * The actor's role, read from the database now (as lib/access currentRole
 * does; that module loads Next's navigation runtime, which the plain-Node
 * import benchmark cannot).
 */
async function refusedImport(actorId: string): Promise<boolean> {
  const db = await getDb();
  const [actor] = await db.select({ role: users.role }).from(users).where(eq(users.id, actorId)).limit(1);
  return actor?.role !== "admin";
}

/**
 * The dry run: what an import of this file would do, and every problem by line. Writes nothing.
 * Messages are in `locale`, by default the language of this request (Chinese outside one).
 */
export async function checkReaderImport(actorId: string, text: string, now = new Date(), locale?: Locale): Promise<ImportReport | { error: string }> {
  const lang = locale ?? (await requestLocale());
  if (await refusedImport(actorId)) return { error: messagesIn(lang)("onlyAdmins") };
  const parsed = parseReaderCsv(text, now, lang);
  const db = await getDb();
  return report(parsed, parsed.fileError ? new Map() : await existingEmails(db, parsed.rows.map((r) => r.email)));
}

/**
 * `compUserIds`: readers given a comp, for the caller (a server action) to pass
 * to lib/access forgetAccess; this module does not load lib/access, so the
 * plain-Node benchmark can run it.
 */
export type ImportResult = { ok: true; report: ImportReport; compUserIds: string[] } | { error: string; report?: ImportReport };

/** Rows of a raw statement: postgres-js returns an array, PGlite an object with `rows`. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

/** A unique violation from postgres-js or PGlite, possibly wrapped by Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Imports the file when it is clean, checked again here (not trusted from an
 * earlier dry run): all rows or none, one transaction, one audit entry.
 */
export async function importReaders(
  actorId: string,
  text: string,
  { fileName = "readers.csv", locale }: { fileName?: string; locale?: Locale } = {},
  now = new Date(),
): Promise<ImportResult> {
  const lang = locale ?? (await requestLocale());
  const t = messagesIn(lang);
  if (await refusedImport(actorId)) return { error: t("onlyAdmins") };
  const parsed = parseReaderCsv(text, now, lang);
  if (parsed.fileError || parsed.problems.length) {
    const db = await getDb();
    const checked = report(parsed, parsed.fileError ? new Map() : await existingEmails(db, parsed.rows.map((r) => r.email)));
    return { error: t("fileHasErrors"), report: checked };
  }
  const db = await getDb();
  const touched: string[] = [];
  try {
    const done = await db.transaction(async (tx) => {
      const existing = await existingEmails(tx, parsed.rows.map((r) => r.email));
      const fresh = parsed.rows.filter((r) => !existing.has(r.email));
      // One statement per batch, the rows passed as one JSON parameter: no round trip per row,
      // and no statement with thousands of bind parameters.
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH).map((r) => ({ email: r.email, name: r.name }));
        await tx.execute(sql`
          insert into ${users} (id, email, name, role)
          select gen_random_uuid()::text, t.email, t.name, 'member'
          from json_to_recordset(${JSON.stringify(batch)}::json) as t(email text, name text)`);
      }
      const comps = parsed.rows.filter((r) => r.compUntil !== undefined);
      for (let i = 0; i < comps.length; i += BATCH) {
        const batch = comps.slice(i, i + BATCH).map((r) => ({ email: r.email, ends_at: r.compUntil?.toISOString() ?? null, reference: compReference(actorId, r.note) }));
        const inserted = rowsOf<{ user_id: string }>(
          await tx.execute(sql`
            insert into ${accessWindows} (user_id, source, starts_at, ends_at, reference)
            select u.id, 'comp', ${now.toISOString()}::timestamptz, t.ends_at, t.reference
            from json_to_recordset(${JSON.stringify(batch)}::json) as t(email text, ends_at timestamptz, reference text)
            join ${users} u on u.email = t.email
            returning user_id`),
        );
        // Every comp row must have found its account; anything else rolls the whole import back.
        if (inserted.length !== batch.length) throw new Error(`Import: ${batch.length - inserted.length} comp rows found no account`);
        touched.push(...inserted.map((r) => r.user_id));
      }
      const result = report(parsed, existing);
      await recordAudit(tx, {
        actorId,
        action: "reader.import",
        entity: "users",
        after: { fileName: fileName.slice(0, 200), rows: result.rows, newAccounts: result.newAccounts, existingAccounts: result.existingAccounts, compsGranted: result.compsToGrant },
      });
      return result;
    });
    return { ok: true, report: done, compUserIds: touched };
  } catch (error) {
    // Someone registered one of these addresses after the check: nothing was written; checking again shows them as existing.
    if (isUniqueViolation(error)) return { error: t("raced") };
    throw error;
  }
}

// ── Export ──

const wallTime = (at: Date) => instantToWallTime(at, PAPER_TIME_ZONE).replace("T", " ");

/** One row per account; `stripeStatus` is the newest subscription's status as last stored from Stripe. */
export function exportRow(
  reader: { email: string; name: string | null; role: string; createdAt: Date },
  access: ReturnType<typeof summarizeAccess>,
  stripeStatus: string | null,
): string[] {
  const active = access.status === "active";
  return [
    reader.email,
    reader.name ?? "",
    reader.role,
    active ? "yes" : "no",
    active ? access.source : "",
    active ? (access.until ? wallTime(access.until) : OPEN_ENDED) : "",
    stripeStatus ?? "",
    wallTime(reader.createdAt),
  ];
}


/** Every reader by email, batch by batch (keyset on the unique email), as lines of CSV: BOM and header first. */
export async function* readerCsvLines(now = new Date()): AsyncGenerator<string> {
  yield `${CSV_BOM}${csvLine(EXPORT_COLUMNS)}`;
  const db = await getDb();
  let after = "";
  for (;;) {
    const batch = await db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
      .from(users)
      .where(after ? gt(users.email, after) : undefined)
      .orderBy(asc(users.email))
      .limit(BATCH);
    if (batch.length === 0) return;
    // The batch's readers as a range of emails: a subquery, not a thousand bind parameters.
    const last = batch[batch.length - 1]!.email;
    const inBatch = db
      .select({ id: users.id })
      .from(users)
      .where(and(after ? gt(users.email, after) : undefined, lte(users.email, last)));
    const [windowRows, subs] = await Promise.all([
      db
        .select({ userId: accessWindows.userId, startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, source: accessWindows.source })
        .from(accessWindows)
        .where(inArray(accessWindows.userId, inBatch)),
      db
        .select({ userId: subscriptions.userId, status: subscriptions.status })
        .from(subscriptions)
        .where(inArray(subscriptions.userId, inBatch))
        .orderBy(desc(subscriptions.updatedAt)),
    ]);
    const windows = new Map<string, AccessWindowLike[]>();
    for (const { userId, ...w } of windowRows) windows.set(userId, [...(windows.get(userId) ?? []), w]);
    const status = new Map<string, string>();
    for (const s of subs) if (!status.has(s.userId)) status.set(s.userId, s.status);
    let chunk = "";
    for (const u of batch) chunk += csvLine(exportRow(u, summarizeAccess(windows.get(u.id) ?? [], now), status.get(u.id) ?? null));
    yield chunk;
    after = last;
    if (batch.length < BATCH) return;
  }
}

/** The export as a byte stream for a Response. */
export function readerCsvStream(now = new Date()): ReadableStream<Uint8Array> {
  return csvStream(readerCsvLines(now), "reader-csv");
}

/** Records that an admin downloaded the reader list (personal data leaving the system). */
export async function recordReaderExport(actorId: string): Promise<void> {
  const db = await getDb();
  await recordAudit(db, { actorId, action: "reader.export", entity: "users" });
}
