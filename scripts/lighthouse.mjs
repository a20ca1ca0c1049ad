import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin } from "./lib.mjs";

/**
 * Lighthouse (12.2.3, offline, Debian's Chromium) on reader pages of a running
 * server: category scores, LCP, CLS, TBT and the JavaScript transferred.
 * Part of `npm run bench`; alone: `node scripts/lighthouse.mjs http://127.0.0.1:3000 / /articles/1`.
 *
 * Throttling is "provided" (none simulated): Lighthouse's simulated mobile
 * throttling on this 2-core machine under load reports NO_FCP. So the timings
 * are those of this machine on loopback, not a phone on 4G; the scores for
 * accessibility, best practices and SEO, the CLS and the bytes do not depend on it.
 */
const chromeFlags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

function lighthouse(url, outputPath, formFactor) {
  const args = [
    url,
    "--quiet",
    "--throttling-method=provided",
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    `--chrome-flags=${chromeFlags}`,
    "--only-categories=performance,accessibility,best-practices,seo",
    "--output=json",
    `--output-path=${outputPath}`,
  ];
  return new Promise((resolve) => {
    const child = spawn(bin("lighthouse"), args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** One row per path and form factor; a failed run is a row with its error, never a thrown bench. */
export async function lighthouseRows(base, paths, formFactors = ["mobile", "desktop"]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "caixin-lighthouse-"));
  const rows = [];
  try {
    for (const pathname of paths) {
      for (const formFactor of formFactors) {
        const out = path.join(dir, `${rows.length}.json`);
        const { code, stderr } = await lighthouse(`${base}${pathname}`, out, formFactor);
        let report;
        try {
          report = JSON.parse(readFileSync(out, "utf8"));
        } catch {
          rows.push({ page: pathname, device: formFactor, error: `lighthouse exited ${code}: ${stderr.trim().split("\n").at(-1) ?? ""}` });
          continue;
        }
        if (report.runtimeError) {
          rows.push({ page: pathname, device: formFactor, error: report.runtimeError.code });
          continue;
        }
        const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
        const scripts = (report.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
        rows.push({
          page: pathname,
          device: formFactor,
          perf: score("performance"),
          a11y: score("accessibility"),
          "best pr.": score("best-practices"),
          seo: score("seo"),
          LCP: report.audits["largest-contentful-paint"]?.displayValue,
          CLS: report.audits["cumulative-layout-shift"]?.displayValue,
          TBT: report.audits["total-blocking-time"]?.displayValue,
          "JS transferred": kb(scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0)),
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function printLighthouse(rows) {
  console.log("\nLighthouse 12.2.3 (Debian Chromium, loopback, no simulated throttling):");
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, ...paths] = process.argv.slice(2);
  if (!base) {
    console.error("usage: node scripts/lighthouse.mjs BASE_URL [PATH ...]");
    process.exit(2);
  }
  printLighthouse(await lighthouseRows(base, paths.length ? paths : ["/"]));
}
