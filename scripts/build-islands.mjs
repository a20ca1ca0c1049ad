import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { root } from "./lib.mjs";

/**
 * Bundles the reader's islands (components/islands/boot.ts) into one small
 * script for the pages scripts/server.mjs sends without Next's runtime. Runs
 * after `next build` (which empties the dist folder), into
 * `<dist>/static/islands/`, so Next serves it as an immutable static file and
 * every copy of the static folder (standalone, several instances) carries it.
 * `manifest.json` there names the file; without it pages simply hydrate.
 */
export const ISLANDS_FOLDER = path.join("static", "islands");

export async function buildIslands({ distDir = process.env.NEXT_DIST_DIR ?? ".next" } = {}) {
  const out = path.join(root, distDir, ISLANDS_FOLDER);
  const result = await build({
    entryPoints: [path.join(root, "components/islands/boot.ts")],
    bundle: true,
    format: "esm",
    minify: true,
    // Module scripts only run where ES2019 does; WeChat's and Alipay's browsers are Chromium well past that.
    target: ["es2019"],
    tsconfig: path.join(root, "tsconfig.json"),
    write: false,
    legalComments: "none",
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 12)}.js`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, name), code);
  writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ boot: `/_next/static/islands/${name}` }));
  return { file: path.join(out, name), bytes: code.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIslands()
    .then(({ file, bytes }) => console.log(`▸ Islands: ${path.relative(root, file)} (${bytes} bytes)`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
