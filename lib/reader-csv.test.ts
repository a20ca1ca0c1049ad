import { csvCell } from "@/lib/csv";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, auditLog, subscriptions, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { isSubscriberNow } from "@/lib/access";
import {
  checkReaderImport,
  decodeCsv,
  endOfPaperDay,
  EXPORT_COLUMNS,
  importReaders,
  isClean,
  ONLY_ADMINS_IMPORT,
  readerCsvLines,
  type ImportReport,
} from "./reader-csv";

// 2026-05-01 10:00 in Shanghai.
const now = new Date("2026-05-01T02:00:00Z");

describe("reader CSV import and export", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const ids: Record<string, string> = {};

  const counts = async () => ({ users: await db.$count(users), windows: await db.$count(accessWindows), audit: await db.$count(auditLog) });

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    for (const role of ["admin", "editor", "member"] as const) {
      const [row] = await db.insert(users).values({ email: `${role}@csv.test`, role }).returning();
      ids[role] = row!.id;
    }
    const [existing] = await db.insert(users).values({ email: "existing@csv.test", name: "老读者" }).returning();
    ids.existing = existing!.id;
  });
  afterAll(async () => drop());

  const badFile = [
    "email,name,comp_until,note",
    "good@csv.test,好读者,2026-12-31,记者证", // 2
    "not-an-email,坏邮箱,,", // 3
    "GOOD@csv.test,重复,,", // 4: duplicate of line 2 once lower-cased
    "past@csv.test,过期,2026-04-30,", // 5
    "baddate@csv.test,,2026-02-30,", // 6
    `longnote@csv.test,,open,${"长".repeat(201)}`, // 7
    "toomany@csv.test,a,,,extra", // 8
    "noteonly@csv.test,,,只有备注", // 9
    ",没有邮箱,,", // 10
  ].join("\r\n");

  it("a dry run of a file with bad rows lists each one by line, and nothing is written", async () => {
    const before = await counts();
    const report = (await checkReaderImport(ids.admin!, badFile, now)) as ImportReport;
    expect(report.fileError).toBeNull();
    expect(isClean(report)).toBe(false);
    expect(report.rows).toBe(9);
    expect(report.problems.map((p) => [p.line, p.email, p.messages])).toEqual([
      [3, "not-an-email", ["邮箱地址无效"]],
      [4, "good@csv.test", ["邮箱与第2行重复"]],
      [5, "past@csv.test", ["赠阅截止日期已过"]],
      [6, "baddate@csv.test", ["赠阅截止日期无效(应为 YYYY-MM-DD、open 或留空)"]],
      [7, "longnote@csv.test", ["备注过长(最多 200 个字符)"]],
      [8, "toomany@csv.test", ["应为 4 列,此行有 5 列"]],
      [9, "noteonly@csv.test", ["备注只随赠阅记录:请填写 comp_until,或删去备注"]],
      [10, "", ["缺少邮箱"]],
    ]);
    expect(await counts()).toEqual(before);

    // Importing it anyway is refused and writes nothing either.
    const imported = await importReaders(ids.admin!, badFile, { fileName: "bad.csv" }, now);
    expect(imported).toMatchObject({ error: expect.stringContaining("没有导入任何读者"), report: { problems: expect.any(Array) } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a file without the exact header, and reports where a quote is left open", async () => {
    const wrongHeader = (await checkReaderImport(ids.admin!, "mail,name\r\na@b.cn,x\r\n", now)) as ImportReport;
    expect(wrongHeader.fileError).toMatch(/表头 email,name,comp_until,note/);
    const openQuote = (await checkReaderImport(ids.admin!, 'email,name,comp_until,note\r\na@b.cn,"x,,\r\n', now)) as ImportReport;
    expect(openQuote.fileError).toMatch(/引号没有闭合/);
    const empty = (await checkReaderImport(ids.admin!, "email,name,comp_until,note\r\n", now)) as ImportReport;
    expect(empty.fileError).toBe("文件中没有数据行");
  });

  it("is refused to editors and members", async () => {
    const before = await counts();
    for (const actor of [ids.editor!, ids.member!]) {
      expect(await checkReaderImport(actor, "email,name,comp_until,note\r\nx@csv.test,,,\r\n", now)).toEqual({ error: ONLY_ADMINS_IMPORT });
      expect(await importReaders(actor, "email,name,comp_until,note\r\nx@csv.test,,,\r\n", {}, now)).toEqual({ error: ONLY_ADMINS_IMPORT });
    }
    expect(await counts()).toEqual(before);
  });

  const goodFile = [
    "\uFEFFemail,name,comp_until,note",
    "New.One@CSV.test,新读者一,2026-12-31,合作单位",
    "new.two@csv.test,\"Zhang, \"\"Bob\"\"\",open,",
    "new.three@csv.test,,,",
    "existing@csv.test,改名无效,2026-06-30,续赠",
    "",
  ].join("\r\n");

  it("a clean file's dry run counts new and existing accounts and comps", async () => {
    const report = (await checkReaderImport(ids.admin!, goodFile, now)) as ImportReport;
    expect(report).toEqual({ fileError: null, rows: 4, problems: [], newAccounts: 3, existingAccounts: 1, compsToGrant: 3 });
    expect(isClean(report)).toBe(true);
  });

  it("a file that became invalid after its dry run (a duplicate added) writes nothing", async () => {
    const before = await counts();
    const tampered = `${goodFile}new.three@csv.test,又一次,,\r\n`;
    const result = await importReaders(ids.admin!, tampered, { fileName: "readers.csv" }, now);
    expect(result).toMatchObject({ error: expect.any(String) });
    expect((result as { report: ImportReport }).report.problems).toEqual([{ line: 6, email: "new.three@csv.test", messages: ["邮箱与第4行重复"] }]);
    expect(await counts()).toEqual(before);
  });

  it("imports a clean file: all rows, comps to the end of the day in Beijing, one audit entry", async () => {
    const before = await counts();
    const result = await importReaders(ids.admin!, goodFile, { fileName: "合作单位.csv" }, now);
    expect(result).toMatchObject({ ok: true, report: { newAccounts: 3, existingAccounts: 1, compsToGrant: 3 } });
    const after = await counts();
    expect(after).toEqual({ users: before.users + 3, windows: before.windows + 3, audit: before.audit + 1 });

    const [one] = await db.select().from(users).where(eq(users.email, "new.one@csv.test"));
    expect(one).toMatchObject({ name: "新读者一", role: "member", passwordHash: null });
    const [two] = await db.select().from(users).where(eq(users.email, "new.two@csv.test"));
    expect(two!.name).toBe('Zhang, "Bob"');
    const [existing] = await db.select().from(users).where(eq(users.id, ids.existing!));
    expect(existing!.name).toBe("老读者");

    const windowOf = async (userId: string) => (await db.select().from(accessWindows).where(eq(accessWindows.userId, userId)))[0];
    expect(await windowOf(one!.id)).toMatchObject({ source: "comp", startsAt: now, endsAt: new Date("2026-12-31T16:00:00Z"), reference: `comp:${ids.admin}:合作单位` });
    expect(await windowOf(two!.id)).toMatchObject({ source: "comp", endsAt: null });
    expect((await windowOf(ids.existing!))!.endsAt).toEqual(endOfPaperDay("2026-06-30"));
    expect(await isSubscriberNow(ids.existing!, now)).toBe(true);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "reader.import"));
    expect(audit).toMatchObject({ actorId: ids.admin, entity: "users", after: { fileName: "合作单位.csv", rows: 4, newAccounts: 3, existingAccounts: 1, compsGranted: 3 } });

    // The same file again: the accounts exist now, so it adds comps only.
    expect(await checkReaderImport(ids.admin!, goodFile, now)).toMatchObject({ newAccounts: 0, existingAccounts: 4 });
  });

  it("reads a GB18030 file as Excel on Chinese Windows saves it", () => {
    const gb = new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd]); // "email\n张三"
    expect(decodeCsv(gb)).toBe("email\n张三");
    expect(decodeCsv(new TextEncoder().encode("\uFEFFemail\n王丽"))).toBe("email\n王丽");
  });

  it("exports every reader with their access, escaping commas, quotes, line breaks and formulas", async () => {
    const [tricky] = await db.insert(users).values({ email: "tricky@csv.test", name: '=cmd|" /C calc"!A0, and\nmore', createdAt: now }).returning();
    await db.insert(accessWindows).values({ userId: tricky!.id, source: "subscription", reference: "sub_t", startsAt: new Date(now.getTime() - 1000), endsAt: new Date("2026-05-31T16:00:00Z") });
    await db.insert(subscriptions).values({ id: "sub_t", userId: tricky!.id, status: "active", stateAt: now });

    let csv = "";
    for await (const part of readerCsvLines(now)) csv += part;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(1 + (await db.$count(users)));
    const row = rows.find((r) => r[0] === "tricky@csv.test");
    expect(row).toEqual(["tricky@csv.test", `'=cmd|" /C calc"!A0, and\nmore`, "member", "yes", "subscription", "2026-06-01 00:00", "active", "2026-05-01 10:00"]);
    expect(rows.find((r) => r[0] === "new.two@csv.test")!.slice(3, 6)).toEqual(["yes", "comp", "open"]);
    expect(rows.find((r) => r[0] === "new.three@csv.test")!.slice(3, 7)).toEqual(["no", "", "", ""]);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("a,b")).toBe(`"a,b"`);
  });
});
