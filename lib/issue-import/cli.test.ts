import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { auditLog, issues, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { resetEnvCache } from "@/lib/env";
import { exitCodeFor, formatOutcome, parseArgs } from "./cli";
import { examplePackage, packageFiles, writePackageFolder, zipPackage } from "./example";

describe("import-issue command line: arguments and report", () => {
  it("parses a path and the flags", () => {
    expect(parseArgs(["pkg.zip", "--dry-run", "--allow-off-day", "--as", "Editor@Demo.test"])).toEqual({
      ok: true,
      args: { path: "pkg.zip", dryRun: true, allowOffDay: true, as: "editor@demo.test" },
    });
    expect(parseArgs(["--as=a@b.test", "dir"])).toMatchObject({ ok: true, args: { path: "dir", as: "a@b.test", dryRun: false } });
  });

  it.each([[[]], [["a", "b"]], [["a", "--force"]], [["a", "--as"]]])("refuses %j", (argv) => {
    expect(parseArgs(argv)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it("prints each item in Chinese then English, and the outcome", () => {
    const lines = formatOutcome({
      ok: false,
      report: [{ level: "error", path: "articles[3].photos[0].file", message: "文件不存在: photos/x.jpg", english: "file not found: photos/x.jpg" }],
    });
    expect(lines).toEqual([
      "✗ 错误 error  articles[3].photos[0].file: 文件不存在: photos/x.jpg",
      "    file not found: photos/x.jpg",
      "未导入:1个错误,0个提示。修正后再试。",
      "Not imported: 1 error(s), 0 warning(s). Fix them and run again.",
    ]);
    const done = { ok: true as const, dryRun: false, issueId: 7, summary: { date: "2026-06-01", number: 1261, pages: 2, articles: 3, photos: 1 }, report: [] };
    expect(formatOutcome(done, "https://e.example.cn/").at(-1)).toBe(
      "Imported as a draft: issue no. 1261 (2026-06-01), 2 pages, 3 articles, 1 photos. Review and publish it at https://e.example.cn/admin/issues/7",
    );
    expect(exitCodeFor(done)).toBe(0);
  });
});

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** The real script under tsx, on this test's database (the child gets our DATABASE_URL or DATA_DIR). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // PGlite allows one process at a time: the test lets go of the database while the CLI runs.
  await closeDb();
  try {
    const { stdout, stderr } = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import-issue.ts", ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "test" },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("npm run import-issue (child process)", () => {
  let drop: () => Promise<void>;
  let tmp: string;
  const previousDataDir = process.env.DATA_DIR;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "caixin-cli-"));
    process.env.DATA_DIR = path.join(tmp, "data");
    resetEnvCache();
    const fresh = await freshDatabase();
    drop = fresh.drop;
    await fresh.db.insert(publication).values(demoPublication);
    await fresh.db.insert(users).values([
      { email: "editor@cli.test", role: "editor" },
      { email: "reader@cli.test", role: "member" },
    ]);
  });
  afterAll(async () => {
    await drop();
    rmSync(tmp, { recursive: true, force: true });
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    resetEnvCache();
  });

  it("exit 2 on wrong usage or an account that is not staff", { timeout: 120_000 }, async () => {
    expect((await cli()).code).toBe(2);
    const zip = path.join(tmp, "x.zip");
    writeFileSync(zip, "");
    const notStaff = await cli(zip, "--as", "reader@cli.test");
    expect(notStaff.code).toBe(2);
    expect(notStaff.stderr).toContain("不是编辑或管理员");
  });

  it("exit 1 with the report for an invalid package; 0 and a draft for a valid one", { timeout: 180_000 }, async () => {
    const { manifest, files } = await examplePackage();
    const broken = structuredClone(manifest);
    broken.articles[2]!.page = 9;
    const brokenZip = path.join(tmp, "broken.zip");
    writeFileSync(brokenZip, zipPackage(packageFiles(broken, files)));
    const bad = await cli(brokenZip);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("articles[2].page: 第9版不存在(本期共2版)");
    expect(bad.stdout).toContain("page 9 does not exist");

    const dir = path.join(tmp, "good");
    await writePackageFolder(dir, packageFiles(manifest, files));
    const dry = await cli(dir, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Nothing was written");

    const good = await cli(dir, "--as", "editor@cli.test");
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/已导入为草稿:总第1261期/);

    const db = await getDb();
    const [issue] = await db.select().from(issues).where(eq(issues.number, 1261));
    expect(issue).toMatchObject({ status: "draft", pageCount: 2 });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "issue.import"));
    expect(entry).toMatchObject({ actorLabel: "editor@cli.test", entityId: String(issue!.id) });
  });
});
