import { performance } from "node:perf_hooks";
import { closeDb } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { checkReaderImport, importReaders, isClean, readerCsvLines, type ImportReport } from "@/lib/reader-csv";

/**
 * The reader import at its promised size: 10,000 rows, dry run then import,
 * on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set). One in
 * ten rows is an account that already exists; two in three rows carry a comp.
 * Passes when each step takes under 60 s.
 *
 *   npx tsx --conditions=react-server scripts/bench-reader-import.ts [rows]
 */
const LIMIT_SECONDS = 60;

async function main() {
  const rows = Number(process.argv[2] ?? 10_000);
  const { db, drop } = await freshDatabase();
  try {
    const [admin] = await db.insert(users).values({ email: "bench-admin@bench.test", role: "admin" }).returning({ id: users.id });
    const existing = Array.from({ length: Math.floor(rows / 10) }, (_, i) => ({ email: `reader-${i * 10}@bench.test`, name: `已有读者${i}` }));
    for (let i = 0; i < existing.length; i += 1000) await db.insert(users).values(existing.slice(i, i + 1000));

    const lines = ["email,name,comp_until,note"];
    for (let i = 0; i < rows; i++) {
      const until = i % 3 === 0 ? "" : i % 3 === 1 ? "2099-12-31" : "open";
      lines.push(`Reader-${i}@Bench.test,"读者 ${i}, 测试",${until},${until ? `批量导入 ${i % 7}` : ""}`);
    }
    const csv = `${lines.join("\r\n")}\r\n`;

    let started = performance.now();
    const check = (await checkReaderImport(admin!.id, csv)) as ImportReport;
    const checkSeconds = (performance.now() - started) / 1000;
    if (!("rows" in check) || !isClean(check)) throw new Error(`The generated file did not check clean: ${JSON.stringify(check).slice(0, 500)}`);

    started = performance.now();
    const result = await importReaders(admin!.id, csv, { fileName: "bench.csv" });
    const importSeconds = (performance.now() - started) / 1000;
    if (!("ok" in result)) throw new Error(`Import failed: ${result.error}`);

    started = performance.now();
    let exportedLines = 0;
    for await (const part of readerCsvLines()) exportedLines += part.split("\r\n").length - 1;
    const exportSeconds = (performance.now() - started) / 1000;

    const accounts = (await db.$count(users)) - 1;
    const windows = await db.$count(accessWindows);
    const pass = checkSeconds < LIMIT_SECONDS && importSeconds < LIMIT_SECONDS && accounts === rows && windows === check.compsToGrant;
    console.log(`Reader import, ${rows} rows (${check.newAccounts} new, ${check.existingAccounts} existing, ${check.compsToGrant} comps):`);
    console.log(`  dry run  ${checkSeconds.toFixed(2)} s`);
    console.log(`  import   ${importSeconds.toFixed(2)} s (${accounts} accounts, ${windows} comp windows in the database)`);
    console.log(`  export   ${exportSeconds.toFixed(2)} s (${exportedLines - 1} readers; not part of the pass mark)`);
    console.log(`${pass ? "PASS" : "FAIL"}: each step under ${LIMIT_SECONDS} s${accounts === rows && windows === check.compsToGrant ? "" : ", but the database does not hold what was imported"}`);
    if (!pass) process.exitCode = 1;
  } finally {
    await drop();
    await closeDb();
  }
}

main().catch(async (error) => {
  console.error(`Reader import benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
