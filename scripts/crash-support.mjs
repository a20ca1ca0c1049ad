import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import postgres from "postgres";
import sharp from "sharp";
import { root } from "./lib.mjs";

/**
 * The tools of scripts/test-crash.mjs: the database between children, children
 * to kill, the issue package they import, and the media folder as files.
 */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ── The database, opened by this process only between children ──

export async function openDb(env) {
  if (env.DATABASE_URL) {
    const sql = postgres(env.DATABASE_URL, { max: 2, onnotice: () => {} });
    return { query: (text, params = []) => sql.unsafe(text, params), close: () => sql.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = new PGlite(path.join(env.DATA_DIR, "pglite"));
  await pg.waitReady;
  return { query: async (text, params = []) => (await pg.query(text, params)).rows, close: () => pg.close() };
}

export async function withDb(env, fn) {
  const db = await openDb(env);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

// ── Children ──

const tsxArgs = (script, args = []) => ["--conditions=react-server", "--import", "tsx", script, ...args];

/** A child in its own process group, so SIGKILL reaches every process it started. */
export function start(script, args, env) {
  const child = spawn(process.execPath, tsxArgs(script, args), {
    cwd: root,
    detached: true,
    // jobs:publish asks the server at APP_URL first: nobody listens there, so it publishes in the database itself.
    env: { ...process.env, ...env, LOG_LEVEL: "fatal", APP_URL: "http://127.0.0.1:9" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const startedAt = Date.now();
  let firstOutputAt = null;
  child.stdout.on("data", (d) => {
    firstOutputAt ??= Date.now() - startedAt;
    output += d;
  });
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let done = false;
  exited.then(() => (done = true));
  return {
    exited,
    get done() {
      return done;
    },
    output: () => output,
    /** When the child first printed, in ms after its start: the scripts print only once their transaction committed. */
    firstOutputAt: () => firstOutputAt,
    async kill() {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      const result = await exited;
      // Nothing of the group may still hold the PGlite folder.
      for (let i = 0; i < 200; i++) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          break;
        }
        await sleep(10);
      }
      return result;
    },
  };
}

// ── The package ──

/** Page files (one-page PDFs, then PNGs) and photos, shared by every manifest. */
export async function writePackage(dir, { pages, pdfPages, photos }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "pages"), { recursive: true });
  mkdirSync(path.join(dir, "photos"), { recursive: true });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const sheet = doc.addPage([595, 842]);
  sheet.drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(0.98, 0.97, 0.94) });
  sheet.drawText("CAIXIN BAO CRASH TEST", { x: 40, y: 790, size: 28, font, color: rgb(0.78, 0.09, 0.11) });
  const pdf = Buffer.from(await doc.save());
  const png = await sharp({ create: { width: 900, height: 1270, channels: 3, background: { r: 250, g: 248, b: 240 } } }).png().toBuffer();
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer();
  for (let n = 1; n <= pages; n++) writeFileSync(path.join(dir, `pages/${n}.${n <= pdfPages ? "pdf" : "png"}`), n <= pdfPages ? pdf : png);
  for (let n = 1; n <= photos; n++) writeFileSync(path.join(dir, `photos/${n}.jpg`), jpeg);
}

/** issue.json for `date` and `number`: articles spread over the pages, the first ones with a photo each. */
export function writeManifest(dir, { date, number }, { pages, pdfPages, articles, photos }) {
  const manifest = {
    version: 1,
    date,
    number,
    pages: Array.from({ length: pages }, (_, i) => ({ number: i + 1, name: `第${i + 1}版`, file: `pages/${i + 1}.${i < pdfPages ? "pdf" : "png"}` })),
    articles: Array.from({ length: articles }, (_, i) => ({
      page: (i % pages) + 1,
      title: `崩溃测试稿件 ${i + 1}`,
      body: `第${i + 1}篇的正文。\n\n第二段,供搜索索引。`,
      access: i % 2 ? "subscribers" : "free",
      ...(i < photos ? { photos: [{ file: `photos/${i + 1}.jpg`, caption: `图${i + 1}` }] } : {}),
    })),
  };
  writeFileSync(path.join(dir, "issue.json"), JSON.stringify(manifest));
}

// ── The media folder ──

/** Every file under the media folder, as a path relative to it with forward slashes. */
export function mediaFiles(mediaDir) {
  if (!existsSync(mediaDir)) return [];
  return readdirSync(mediaDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(mediaDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}
/** The storage key a file belongs to: sidecars and temp files of a key count as that key's. */
export const keyOfFile = (file) => file.replace(/\.[0-9a-f]{12}\.tmp$/, "").replace(/\.meta\.json$/, "");

// ── Waiting for a moment to kill ──

/** Polls `condition` until it holds (true) or the child ends by itself (false). */
export async function waitFor(child, condition) {
  while (!child.done) {
    if (await condition()) return true;
    await sleep(1);
  }
  return false;
}

/** Kills the child the moment `condition` holds, `delayMs` later if given; the child's own end when it finished first. */
export async function killWhen(child, condition, delayMs = 0) {
  if (!(await waitFor(child, condition))) return child.exited;
  if (delayMs) await sleep(delayMs);
  return child.kill();
}

/** On PostgreSQL: the child's connection inside a transaction doing `pattern` (or between its statements); `seenAs` gets what it was doing. */
export function inTransaction(watch, database, pattern, seenAs) {
  return async () => {
    const [row] = await watch.unsafe(
      `select state, left(query, 40) as query from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()
         and (state = 'idle in transaction' or (state = 'active' and query ~* $2)) limit 1`,
      [database, pattern],
    );
    if (row) seenAs(row.state === "active" ? row.query.replace(/\s+/g, " ") : row.state);
    return Boolean(row);
  };
}
