import autocannon from "autocannon";

/** HTTP helpers shared by the benchmarks (scripts/bench.mjs, bench-archive.mjs, bench-cluster.mjs). */

/** Signs in through Auth.js's password provider; returns the session cookie ("name=value"). */
export async function signIn(base, email, password) {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfResponse.json();
  const cookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Could not sign in ${email} for the benchmark`);
  return session.split(";")[0];
}

/** The demo's subscriber-only AI article (总第1253期), found through its issue page as a reader would. */
export async function aiArticlePath(base) {
  const html = await (await fetch(`${base}/issues/2026-04-30`)).text();
  const match = /href="(\/articles\/\d+)"[^>]*>内蒙古全面推动人工智能赋能千行百业/.exec(html);
  if (!match) throw new Error("The demo AI article is not on the issue page");
  return match[1];
}

/**
 * autocannon -c 20 for `duration` seconds. `paths` of more than one entry are
 * requested in turn on each connection, and counted as one view.
 */
export function measure({ base, title, paths, headers = {}, duration = 10, connections = 20, goal }) {
  const list = [paths].flat();
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${list[0]}`, connections, duration, headers, requests: list.map((path) => ({ method: "GET", path })) }, (error, result) => {
      if (error) return reject(error);
      const errors = result.errors + result.timeouts + result.non2xx;
      resolve({ target: title, "views/s": Math.round(result.requests.average / list.length), "p50 ms": result.latency.p50, "p99 ms": result.latency.p99, errors, ...(goal ? { goal } : {}) });
    });
  });
}
