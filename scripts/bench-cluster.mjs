import path from "node:path";
import { aiArticlePath, measure, signIn } from "./bench-http.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { clusterDatabase, startCluster } from "./cluster.mjs";
import { root } from "./lib.mjs";

/**
 * `npm run bench -- --cluster`: the reader and QR figures through nginx, first
 * with one instance behind it, then with two, on one fresh PostgreSQL database
 * (DATABASE_URL names the server; default the local one), and the ratio.
 * On a machine of few cores the instances share them, so the ratio shows the
 * cost of the extra hop and process more than a gain: the point of several
 * instances is several machines.
 */
process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const basePort = Number(process.env.CLUSTER_PORT ?? 3500);
const duration = Number(process.env.BENCH_SECONDS ?? 10);

async function round(count, env) {
  const cluster = await startCluster({ count, basePort, distDir, env, workDir: path.join(root, ".test-data", `bench-cluster-${process.pid}`) });
  try {
    const base = cluster.url;
    const article = await aiArticlePath(base);
    const session = await signIn(base, "subscriber@demo.test", "caixin-demo-2026");
    // First renders fill each instance's page cache (nginx alternates between them).
    for (let i = 0; i < 2 * count; i++) for (const p of ["/", article]) await fetch(`${base}${p}`, { headers: i % 2 ? { cookie: session } : {} });
    return [
      await measure({ base, title: "/", paths: "/", duration }),
      await measure({ base, title: "article (anonymous)", paths: article, duration }),
      await measure({ base, title: "article view = page + body (subscriber)", paths: [article, `/api${article}/body`], headers: { cookie: session }, duration }),
      await measure({ base, title: "QR scan /q/CXBNEWS", paths: "/q/CXBNEWS", duration, connections: 50 }),
    ];
  } finally {
    await cluster.stop();
  }
}

async function main() {
  await buildIfNeeded({ distDir });
  const database = await clusterDatabase("bench_cluster");
  const { env } = database;
  try {
    const one = await round(1, env);
    const two = await round(2, env);
    console.log(`\nThrough nginx on loopback (autocannon -d ${duration}; -c 20, QR -c 50), ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, ${(await import("node:os")).cpus().length} cores`);
    console.table(
      one.map((row, i) => ({
        target: row.target,
        "1 instance /s": row["views/s"],
        "2 instances /s": two[i]["views/s"],
        ratio: +(two[i]["views/s"] / row["views/s"]).toFixed(2),
        "p99 ms (1 → 2)": `${row["p99 ms"]} → ${two[i]["p99 ms"]}`,
        errors: row.errors + two[i].errors,
      })),
    );
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
