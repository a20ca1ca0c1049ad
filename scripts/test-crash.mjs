import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { inTransaction, keyOfFile, killWhen, mediaFiles, sleep, start, waitFor, withDb, writeManifest as writeManifestFor, writePackage } from "./crash-support.mjs";
import { freshDatabaseEnv } from "./lib.mjs";

/**
 * Crash test: kill -9 the issue import and the publish job at many points and
 * check what a crash may leave behind (issue 8, "Failures"):
 * - an import leaves a whole issue (every page, article, photo, search row,
 *   the audit entry, every file) or no trace in the database;
 * - every file in the media folder is referenced by a row or journaled
 *   (storage_journal), and once the sweep has run (the next import, or
 *   jobs:daily) every file is referenced and the journal is empty;
 * - the import then succeeds;
 * - a sweep killed half-way is finished by the next;
 * - the publish job leaves all due issues published (status, published_at,
 *   one audit entry each) or all still scheduled, and the next run publishes.
 *
 * The children are the real scripts (import-issue.ts, jobs-publish.ts,
 * jobs-daily.ts) under tsx, each in its own process group, killed with
 * SIGKILL: at spread delays, and at moments found by watching: the first file
 * in the media folder, half the files, all of them (the transaction is next),
 * the moment the script prints its report (committed; it is closing the
 * database), and on PostgreSQL the open transaction itself (pg_stat_activity).
 *
 * On PGlite (no DATABASE_URL) only one process may open the data folder: the
 * test opens it between runs, never while a child runs. A folder a kill left
 * unreadable is reported as such. With DATABASE_URL a fresh database is made
 * on that server and dropped afterwards.
 *
 *   node scripts/test-crash.mjs                 # PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/test-crash.mjs
 *   CRASH_ROUNDS=4 node scripts/test-crash.mjs  # fewer kills at spread delays (default 10)
 */
const PAGES = 8;
const PDF_PAGES = 4;
const ARTICLES = 24;
const PHOTOS = 8;
const PUBLISH_BATCH = 12;
const SHAPE = { pages: PAGES, pdfPages: PDF_PAGES, articles: ARTICLES, photos: PHOTOS };
const writeManifest = (dir, pkg) => writeManifestFor(dir, pkg, SHAPE);
const delayRounds = Number(process.env.CRASH_ROUNDS ?? 10);
const verbose = process.env.CRASH_LOG === "1";

const failures = [];
const tally = { checks: 0, importKills: 0, publishKills: 0, sweepKills: 0, states: new Map(), sweeps: 0, imports: 0 };
const seen = (state) => tally.states.set(state, (tally.states.get(state) ?? 0) + 1);
function check(label, ok, detail = "") {
  tally.checks++;
  if (!ok || verbose) console.log(`  ${ok ? "✓" : "✗"} ${label}${ok ? "" : ` — ${detail}`}`);
  if (!ok) failures.push(label);
  return ok;
}

async function runToEnd(script, args, env, label, child = start(script, args, env)) {
  const { code } = await child.exited;
  if (!check(`${label} exits 0`, code === 0, `exit ${code}: ${child.output().slice(-800)}`)) return null;
  return child.output();
}

/** Storage objects one complete import writes: page image + thumb (+ PDF) and the photos. */
const OBJECTS = PAGES * 2 + PDF_PAGES + PHOTOS;

// ── What is on disk and in the database ──

async function referencedKeys(db) {
  const rows = await db.query(`
    select image_key as k from pages union select thumb_key from pages union select pdf_key from pages
    union select file_key from images union select logo_key from publication`);
  return new Set(rows.map((r) => r.k).filter(Boolean));
}
async function journalKeys(db) {
  return new Set((await db.query("select key from storage_journal")).map((r) => r.key));
}

/** The issue of `number`: absent, or complete with every row and file; anything else is a finding. */
async function issueState(db, number, mediaDir) {
  const [issue] = await db.query("select id, page_count, status from issues where number = $1", [number]);
  if (!issue) {
    const strays = await db.query("select count(*)::int as n from audit_log where action = 'issue.import' and after->>'number' = $1", [String(number)]);
    check(`no issue no. ${number}: no audit entry either`, strays[0].n === 0, `${strays[0].n} audit entries`);
    return "absent";
  }
  const id = issue.id;
  const [counts] = await db.query(
    `select (select count(*)::int from pages where issue_id = $1 and image_key is not null and thumb_key is not null) as pages,
            (select count(*)::int from pages where issue_id = $1 and pdf_key is not null) as pdfs,
            (select count(*)::int from articles where issue_id = $1) as articles,
            (select count(*)::int from images i join articles a on a.id = i.article_id where a.issue_id = $1) as photos,
            (select count(*)::int from article_search where issue_id = $1) as indexed,
            (select count(*)::int from audit_log where action = 'issue.import' and entity_id = $1::text) as audited`,
    [id],
  );
  const expected = { pages: PAGES, pdfs: PDF_PAGES, articles: ARTICLES, photos: PHOTOS, indexed: ARTICLES, audited: 1 };
  check(`issue no. ${number} is complete (rows)`, issue.page_count === PAGES && issue.status === "draft" && JSON.stringify(counts) === JSON.stringify(expected), `${JSON.stringify(issue)} ${JSON.stringify(counts)}`);
  const keys = await db.query(
    `select k from (select image_key as k from pages where issue_id = $1 union all select thumb_key from pages where issue_id = $1
       union all select pdf_key from pages where issue_id = $1 union all select i.file_key from images i join articles a on a.id = i.article_id where a.issue_id = $1) s where k is not null`,
    [id],
  );
  const missing = keys.map((r) => r.k).filter((k) => !existsSync(path.join(mediaDir, k)) || !existsSync(path.join(mediaDir, `${k}.meta.json`)));
  check(`issue no. ${number} is complete (files)`, keys.length === OBJECTS && missing.length === 0, `${keys.length} keys, missing ${missing.slice(0, 3).join(", ")}`);
  return "complete";
}

/** Right after a kill: each file is a committed row's or journaled (the sweep will find it). */
async function checkAccounted(db, mediaDir, label) {
  const referenced = await referencedKeys(db);
  const journaled = await journalKeys(db);
  const lost = mediaFiles(mediaDir).filter((f) => !referenced.has(keyOfFile(f)) && !journaled.has(keyOfFile(f)));
  check(`${label}: every file is referenced or journaled`, lost.length === 0, `${lost.length} unaccounted, e.g. ${lost.slice(0, 3).join(", ")}`);
}

/** After a sweep: every file is referenced, and the journal is empty. */
async function checkClean(db, mediaDir, label) {
  const referenced = await referencedKeys(db);
  const stray = mediaFiles(mediaDir).filter((f) => !referenced.has(keyOfFile(f)) || /\.tmp$/.test(f));
  const journaled = await journalKeys(db);
  check(`${label}: no file unreferenced, journal empty`, stray.length === 0 && journaled.size === 0, `${stray.length} stray files (${stray.slice(0, 3).join(", ")}), ${journaled.size} journal rows`);
}

/** What the sweep considers abandoned is anything journaled longer than SWEEP_AFTER_MS: the test moves the clock rather than waiting. */
const ageJournal = (db) => db.query("update storage_journal set created_at = created_at - interval '2 hours'");

// ── Kill triggers ──

/** The files under the import's own folders (pages/<date>/import-*, images/<number>/import-*). */
function importFiles(mediaDir, date, number) {
  const dirs = [path.join(mediaDir, "pages", date), path.join(mediaDir, "images", String(number))];
  let n = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile() && !e.name.endsWith(".tmp")) n++;
  }
  return n;
}

/** Statements of the open transaction the watcher caught the children in (PostgreSQL). */
const caughtIn = [];

// ── The import ──

async function importCrashes(env, mediaDir, pkgDir) {
  const watch = env.DATABASE_URL ? postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} }) : null;
  const database = env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : null;
  let nextNumber = 7001;
  const nextPackage = () => {
    const number = nextNumber++;
    const day = new Date(Date.UTC(2031, 0, 1) + (number - 7001) * 86_400_000).toISOString().slice(0, 10);
    return { date: day, number };
  };
  const importArgs = [pkgDir, "--allow-off-day"];

  // Calibration: one import to the end, timed (when its last file appeared, when it printed, when it exited), so the kills spread over its whole run.
  const first = nextPackage();
  writeManifest(pkgDir, first);
  const t0 = Date.now();
  const calibration = start("scripts/import-issue.ts", importArgs, env);
  let lastFileAt = null;
  void waitFor(calibration, () => {
    if (importFiles(mediaDir, first.date, first.number) < OBJECTS * 2) return false;
    lastFileAt = Date.now() - t0;
    return true;
  });
  if (!(await runToEnd("scripts/import-issue.ts", importArgs, env, "calibration import", calibration))) throw new Error("the import does not work at all");
  const duration = Date.now() - t0;
  const printedAt = calibration.firstOutputAt() ?? duration;
  // The transaction runs between the last file and the report: kills spread over that window too.
  const commitWindow = Math.max(20, printedAt - (lastFileAt ?? printedAt));
  await withDb(env, async (db) => {
    await issueState(db, first.number, mediaDir);
    await checkClean(db, mediaDir, "after the calibration import");
  });
  console.log(
    `  … an import of ${PAGES} pages, ${ARTICLES} articles, ${PHOTOS} photos (${OBJECTS} stored objects, ${OBJECTS * 2} files with their sidecars) takes ${(duration / 1000).toFixed(1)} s; last file at ${lastFileAt} ms, report at ${printedAt} ms`,
  );

  const triggers = [];
  for (let i = 0; i < delayRounds; i++) {
    const delay = Math.round(duration * (0.15 + (0.95 * i) / delayRounds) + Math.random() * 100);
    triggers.push({ name: `after ${delay} ms`, kill: (child) => sleep(delay).then(() => child.kill()) });
  }
  const atReport = { name: "at its report (committed, closing the database)", kill: (child) => killWhen(child, () => child.firstOutputAt() !== null) };
  const atFiles = (share, name) => ({ name, kill: (child, pkg) => killWhen(child, () => importFiles(mediaDir, pkg.date, pkg.number) >= Math.max(1, Math.floor(OBJECTS * 2 * share))) });
  for (let i = 0; i < 2; i++) {
    triggers.push(atFiles(0, "at the first file"), atFiles(0.5, "at half the files"), atFiles(1, "at the last file (transaction next)"));
    for (const share of [0.05, 0.3, 0.6, 0.9, 1.1]) {
      const ms = Math.round(commitWindow * share);
      triggers.push({
        name: `${ms} ms after the last file`,
        kill: (child, pkg) => killWhen(child, () => importFiles(mediaDir, pkg.date, pkg.number) >= OBJECTS * 2, ms),
      });
    }
    triggers.push(atReport);
    if (watch) {
      triggers.push({
        name: "inside the transaction (pg_stat_activity)",
        kill: (child) => killWhen(child, inTransaction(watch, database, 'insert into "(issues|pages|articles|images|audit_log)"|article_search', (what) => caughtIn.push(`import: ${what}`))),
      });
    }
  }

  let cleanups = 0;
  for (const [round, trigger] of triggers.entries()) {
    const pkg = nextPackage();
    writeManifest(pkgDir, pkg);
    const child = start("scripts/import-issue.ts", importArgs, env);
    const result = await trigger.kill(child, pkg);
    const killed = result.signal === "SIGKILL";
    if (killed) tally.importKills++;
    let state;
    try {
      state = await withDb(env, async (db) => {
        const s = await issueState(db, pkg.number, mediaDir);
        await checkAccounted(db, mediaDir, `import killed ${trigger.name}`);
        await ageJournal(db);
        return s;
      });
    } catch (error) {
      check(`the database opens after an import killed ${trigger.name}`, false, error.message);
      throw new Error(`database unreadable after a kill -9 (${env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);
    }
    const files = importFiles(mediaDir, pkg.date, pkg.number);
    const label = !killed ? "finished before the kill" : state === "complete" ? "killed after the commit: complete issue" : files ? `killed before the commit: no issue, ${files} files of it on disk` : "killed before any file: no issue";
    seen(`import ${label.replace(/, \d+ files/, ", some files")}`);
    if (verbose) console.log(`  · round ${round + 1} (${trigger.name}): ${label}`);

    // Every third round leaves the clean-up to a later round's import (or the end), whose sweep may itself be killed.
    if (round % 3 === 1 && round < triggers.length - 1) continue;
    cleanups++;
    if (cleanups % 2 === 0) {
      await runToEnd("scripts/jobs-daily.ts", [], env, "jobs:daily");
      tally.sweeps++;
    }
    if (state === "absent") {
      // The next import: its sweep clears what was left, and it succeeds.
      if (await runToEnd("scripts/import-issue.ts", importArgs, env, `re-import after a kill ${trigger.name}`)) tally.imports++;
    } else if (cleanups % 2 === 1) {
      await runToEnd("scripts/jobs-daily.ts", [], env, "jobs:daily");
      tally.sweeps++;
    }
    await withDb(env, async (db) => {
      check(`issue no. ${pkg.number} is there after the next run`, (await issueState(db, pkg.number, mediaDir)) === "complete");
      await checkClean(db, mediaDir, `after the kill ${trigger.name} and the next run`);
    });
  }
  await watch?.end();
}

// ── The sweep itself ──

/** Leftovers of a killed import, then jobs:daily killed while it sweeps them: the next sweep finishes the job. */
async function sweepCrashes(env, mediaDir, pkgDir) {
  // jobs:daily prints its first lines before it sweeps: kills a little after them, and when the files start going.
  const afterFirstLine = (ms) => ({ name: `${ms} ms after its first line`, kill: (child) => killWhen(child, () => child.firstOutputAt() !== null, ms) });
  const whenLeft = (share, name) => ({ name, kill: (child, pkg, left) => killWhen(child, () => importFiles(mediaDir, pkg.date, pkg.number) <= Math.floor(left * share)) });
  const triggers = [afterFirstLine(0), afterFirstLine(40), afterFirstLine(120), whenLeft(0.98, "at its first deleted file"), whenLeft(0.5, "with half the files deleted"), whenLeft(0, "with every file deleted")];
  for (const [i, trigger] of triggers.entries()) {
    const pkg = { date: `2032-02-${String(i + 1).padStart(2, "0")}`, number: 7500 + i };
    writeManifest(pkgDir, pkg);
    const importer = start("scripts/import-issue.ts", [pkgDir, "--allow-off-day"], env);
    await killWhen(importer, () => importFiles(mediaDir, pkg.date, pkg.number) >= OBJECTS * 2);
    await withDb(env, ageJournal);
    const left = importFiles(mediaDir, pkg.date, pkg.number);
    const daily = start("scripts/jobs-daily.ts", [], env);
    const result = await trigger.kill(daily, pkg, left);
    if (result.signal === "SIGKILL") tally.sweepKills++;
    const after = importFiles(mediaDir, pkg.date, pkg.number);
    seen(`sweep ${result.signal === "SIGKILL" ? (after === 0 ? "killed after deleting every file" : after < left ? "killed half-way" : "killed before deleting") : "finished before the kill"}`);
    await withDb(env, (db) => checkAccounted(db, mediaDir, `jobs:daily killed ${trigger.name}`));
    await runToEnd("scripts/jobs-daily.ts", [], env, "the next jobs:daily");
    await withDb(env, (db) => checkClean(db, mediaDir, `after a killed sweep and the next one`));
  }
}

// ── The publish job ──

async function scheduleBatch(db, batch) {
  const numbers = [];
  for (let i = 0; i < PUBLISH_BATCH; i++) {
    const number = 80000 + batch * 100 + i;
    const date = new Date(Date.UTC(2040, 0, 1) + (batch * 100 + i) * 86_400_000).toISOString().slice(0, 10);
    await db.query("insert into issues (date, number, page_count, status, publish_at) values ($1, $2, 1, 'scheduled', now() - interval '1 minute')", [date, number]);
    numbers.push(number);
  }
  return numbers;
}

/** All published (status, published_at, exactly one audit entry each) or all still scheduled (no entry). */
async function publishState(db, numbers) {
  const rows = await db.query(
    `select i.status, i.published_at is not null as stamped,
            (select count(*)::int from audit_log a where a.action = 'issue.publish.scheduled' and a.entity_id = i.id::text) as audited
       from issues i where i.number = any($1::int[])`,
    [`{${numbers.join(",")}}`],
  );
  const published = rows.filter((r) => r.status === "published" && r.stamped && r.audited === 1).length;
  const scheduled = rows.filter((r) => r.status === "scheduled" && !r.stamped && r.audited === 0).length;
  if (published === numbers.length) return "published";
  if (scheduled === numbers.length) return "scheduled";
  check("the publish job's batch is all published or all scheduled", false, JSON.stringify(rows));
  return "mixed";
}

async function publishCrashes(env) {
  const watch = env.DATABASE_URL ? postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} }) : null;
  const database = env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : null;
  let batch = 0;
  const first = await withDb(env, (db) => scheduleBatch(db, batch++));
  const t0 = Date.now();
  const calibration = start("scripts/jobs-publish.ts", [], env);
  await runToEnd("scripts/jobs-publish.ts", [], env, "calibration publish", calibration);
  const duration = Date.now() - t0;
  const printedAt = calibration.firstOutputAt() ?? duration;
  await withDb(env, async (db) => check("the calibration run publishes the batch", (await publishState(db, first)) === "published"));
  console.log(`  … a publish run of ${PUBLISH_BATCH} due issues takes ${(duration / 1000).toFixed(1)} s; it reports at ${printedAt} ms`);

  // Most of a run is starting up; the transaction comes just before the report. Half the kills spread over the run, half around the report.
  const triggers = [];
  for (let i = 0; i < delayRounds; i++) {
    const delay = i % 2 ? Math.round(duration * (0.2 + (0.9 * i) / delayRounds)) : Math.round(printedAt - 400 + (500 * i) / delayRounds + Math.random() * 40);
    triggers.push({ name: `after ${delay} ms`, kill: (child) => sleep(delay).then(() => child.kill()) });
  }
  for (let i = 0; i < 2; i++) triggers.push({ name: "at its report (committed, closing the database)", kill: (child) => killWhen(child, () => child.firstOutputAt() !== null) });
  if (watch) {
    for (let i = 0; i < 4; i++) {
      triggers.push({
        name: "inside the transaction (pg_stat_activity)",
        kill: (child) => killWhen(child, inTransaction(watch, database, 'update "issues"|"audit_log"|for update', (what) => caughtIn.push(`publish: ${what}`))),
      });
    }
  }
  for (const trigger of triggers) {
    const numbers = await withDb(env, (db) => scheduleBatch(db, batch++));
    const child = start("scripts/jobs-publish.ts", [], env);
    const result = await trigger.kill(child);
    if (result.signal === "SIGKILL") tally.publishKills++;
    let state;
    try {
      state = await withDb(env, (db) => publishState(db, numbers));
    } catch (error) {
      check(`the database opens after a publish run killed ${trigger.name}`, false, error.message);
      throw new Error(`database unreadable after a kill -9 (${env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);
    }
    seen(`publish ${result.signal === "SIGKILL" ? `killed: ${state}` : `finished before the kill: ${state}`}`);
    if (verbose) console.log(`  · publish killed ${trigger.name}: ${state}`);
    if (state === "scheduled") await runToEnd("scripts/jobs-publish.ts", [], env, "the next publish run");
    await withDb(env, async (db) => check(`after the kill ${trigger.name}, the next run has published the batch`, (await publishState(db, numbers)) === "published"));
  }
  await watch?.end();
}

// ── Main ──

async function main() {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  console.log(`▸ Crash test (kill -9) on ${onPostgres ? "PostgreSQL" : "PGlite"}`);
  const { env, drop } = await freshDatabaseEnv("crash");
  const mediaDir = path.join(env.DATA_DIR, "media");
  const pkgDir = path.join(env.DATA_DIR, "package");
  try {
    await runToEnd("scripts/migrate.ts", [], env, "migrate");
    await withDb(env, (db) =>
      db.query(`insert into publication (name, slogan, cn_number, sponsor, publisher, hotline, weekdays) values ('财信报', '测试', 'CN 00-0000', '测试', '测试', '0', '{1,4}')`),
    );
    await writePackage(pkgDir, SHAPE);
    console.log("▸ Issue import");
    await importCrashes(env, mediaDir, pkgDir);
    console.log("▸ The sweep (jobs:daily)");
    await sweepCrashes(env, mediaDir, pkgDir);
    console.log("▸ Publish job");
    await publishCrashes(env);
  } catch (error) {
    failures.push(error.message);
    console.error(`  ✗ ${error.message}`);
  } finally {
    await drop();
  }
  console.log(
    `▸ ${tally.importKills} imports, ${tally.sweepKills} sweeps (jobs:daily) and ${tally.publishKills} publish runs killed with SIGKILL; ${tally.imports} re-imports and ${tally.sweeps} jobs:daily sweeps after the import kills`,
  );
  for (const [state, n] of [...tally.states].sort()) console.log(`    ${String(n).padStart(3)} × ${state}`);
  if (caughtIn.length) console.log(`  caught inside the transaction: ${caughtIn.join("; ")}`);
  if (failures.length) {
    console.error(`✗ Crash test: ${failures.length} check(s) failed`);
    process.exitCode = 1;
  } else console.log(`✓ Crash test passed (${tally.checks} checks)`);
}

main().catch((error) => {
  console.error(`\n✗ ${error.stack ?? error.message}`);
  process.exit(1);
});
