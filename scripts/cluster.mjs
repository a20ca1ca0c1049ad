import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { bin, freshDatabaseEnv, root, run, waitForUrl } from "./lib.mjs";

/**
 * Several app instances behind nginx on loopback, as the production set-up in
 * README ("Several instances") runs them: each instance is its own copy of the
 * standalone build (output: "standalone"), with its own page cache, as on
 * separate machines; they share one PostgreSQL database and one uploads folder.
 * Used by `npm run test:cluster` and `npm run bench -- --cluster`.
 */

/**
 * A fresh, migrated and seeded database for a cluster, and the environment its
 * instances share (one secret, a proxy in front, one uploads folder). `extra`
 * adds or overrides settings. `drop()` removes the database again.
 */
export async function clusterDatabase(label, extra = {}) {
  const database = await freshDatabaseEnv(label);
  const env = {
    ...database.env,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TRUST_PROXY: "1",
    LOG_ACCESS: "0",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(root, ".test-data", `${label}-data-${process.pid}`),
    ...extra,
  };
  try {
    await run(bin("tsx"), ["scripts/migrate.ts"], { env });
    await run(bin("tsx"), ["scripts/seed.ts"], { env });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { env, drop: database.drop };
}

/** nginx from Debian's packages; installed when missing and we may (root). */
export function ensureNginx() {
  const found = spawnSync("sh", ["-c", "command -v nginx || ls /usr/sbin/nginx"], { encoding: "utf8" });
  if (found.status === 0) return found.stdout.trim().split("\n")[0];
  if (process.getuid?.() !== 0) throw new Error("nginx is not installed: `sudo apt-get install -y nginx` (Debian's package), then run again.");
  console.log("▸ Installing nginx (Debian's package) …");
  const install = spawnSync("sh", ["-c", "apt-get install -y nginx-light || apt-get install -y nginx"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (install.status !== 0) throw new Error("Could not install nginx");
  return "/usr/sbin/nginx";
}

/**
 * The load balancer's configuration. `tag` adds X-Upstream (which instance
 * answered) for the tests; production leaves it out (docs/nginx.conf).
 */
export function nginxConfig({ prefix, port, upstreams, tag = false }) {
  return `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream portal {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 60m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 120s;
${tag ? "      add_header X-Upstream $upstream_addr always;\n" : ""}    }
  }
}
`;
}

/** A copy of the standalone build for one instance, with the static files it does not carry. */
function instanceFolder(distDir, folder) {
  const standalone = path.join(root, distDir, "standalone");
  if (!existsSync(path.join(standalone, "scripts", "server.mjs"))) throw new Error(`No standalone build in ${standalone}: build first (next.config.ts sets output: "standalone").`);
  rmSync(folder, { recursive: true, force: true });
  cpSync(standalone, folder, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, distDir, "static"), path.join(folder, distDir, "static"), { recursive: true });
  if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(folder, "public"), { recursive: true });
  // The copy must not serve pages a build-time or earlier run cached.
  for (const dir of ["server/route-cache", "cache/fetch-cache"]) rmSync(path.join(folder, distDir, dir), { recursive: true, force: true });
}

function startInstance({ folder, port, env, distDir, log }) {
  const child = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: folder,
    stdio: ["ignore", log ? "inherit" : "ignore", "inherit"],
    env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, PORT: String(port) },
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { port, child, exited, url: `http://127.0.0.1:${port}` };
}

/**
 * Starts `count` instances on ports basePort+1… and nginx on basePort.
 * `env` is the instances' environment (database, secrets). Returns their
 * handles and `stop()`, which stops them with SIGTERM (they drain) and nginx.
 */
export async function startCluster({ count = 2, basePort, distDir, env, workDir, log = false }) {
  const nginx = ensureNginx();
  mkdirSync(workDir, { recursive: true });
  const instances = [];
  for (let i = 1; i <= count; i++) {
    const folder = path.join(workDir, `instance-${i}`);
    instanceFolder(distDir, folder);
    instances.push(startInstance({ folder, port: basePort + i, env, distDir, log }));
  }
  const prefix = path.join(workDir, "nginx");
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(conf, nginxConfig({ prefix, port: basePort, upstreams: instances.map((i) => i.port), tag: true }));
  const balancer = spawn(nginx, ["-c", conf, "-p", prefix], { stdio: "inherit" });
  const balancerExited = new Promise((resolve) => balancer.once("exit", resolve));
  try {
    for (const instance of instances) await waitForUrl(`${instance.url}/api/health`, 90_000);
    await waitForUrl(`http://127.0.0.1:${basePort}/api/health`);
  } catch (error) {
    for (const instance of instances) instance.child.kill("SIGKILL");
    balancer.kill("SIGKILL");
    throw error;
  }
  return {
    url: `http://127.0.0.1:${basePort}`,
    instances,
    async stop() {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill("SIGTERM");
      balancer.kill("SIGQUIT");
      await Promise.all([...instances.map((i) => i.exited), balancerExited]);
    },
  };
}
