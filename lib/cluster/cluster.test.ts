import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { freshDatabase } from "@/db/testing/fresh-database";
import { internalToken } from "@/lib/internal-caller";
import { resetEnvCache } from "@/lib/env";
import { announce, instanceId } from "./announce";
import { startInvalidationListener } from "./listener";
import { INVALIDATE_PATH, INVALIDATE_PURPOSE, INVALIDATION_CHANNEL, payloadsOf, type Invalidation } from "./message";

// Instances talk through PostgreSQL's NOTIFY, so this file always uses the machine's PostgreSQL,
// also in the PGlite half of the suite (where the app itself has nobody to tell).
const saved = { DATABASE_URL: process.env.DATABASE_URL, TEST_BASE_DATABASE_URL: process.env.TEST_BASE_DATABASE_URL, PORT: process.env.PORT };
let drop: () => Promise<void>;
let watcher: postgres.Sql;

beforeAll(async () => {
  process.env.DATABASE_URL = saved.TEST_BASE_DATABASE_URL ?? saved.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  delete process.env.TEST_BASE_DATABASE_URL;
  ({ drop } = await freshDatabase());
  watcher = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await watcher.end();
  await closeDb();
  await drop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
});

/** The next `count` NOTIFY payloads on the channel, as another instance would see them. */
async function nextMessages(count: number, act: () => void | Promise<void>): Promise<Invalidation[]> {
  const received: Invalidation[] = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const { unlisten } = await watcher.listen(INVALIDATION_CHANNEL, (payload) => {
    received.push(JSON.parse(payload));
    if (received.length === count) done();
  });
  await act();
  await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${received.length} of ${count} messages`)), 5_000))]);
  await unlisten();
  return received;
}

describe("announcing a change to the other instances", () => {
  it("sends what one action changed as one message, marked with this instance's id", async () => {
    const [message] = await nextMessages(1, () => {
      announce({ pages: [{ path: "/issues/2026-04-30" }, { path: "/(reader)/today/[date]", type: "page" }] });
      announce({ qrCodes: ["CXBNEWS"] });
      announce({ users: ["user-1"] });
    });
    expect(message).toEqual({
      from: instanceId(),
      pages: [{ path: "/issues/2026-04-30" }, { path: "/(reader)/today/[date]", type: "page" }],
      qrCodes: ["CXBNEWS"],
      users: ["user-1"],
    });
  });

  it("splits a large change into payloads PostgreSQL accepts, losing nothing", async () => {
    const pages = Array.from({ length: 400 }, (_, i) => ({ path: `/issues/2026-04-30/pages/${i}/${"x".repeat(40)}` }));
    const users = Array.from({ length: 300 }, (_, i) => `reader-${i}-${"y".repeat(20)}`);
    const payloads = payloadsOf({ from: "a", pages, qrCodes: [], users });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    const messages = await nextMessages(payloads.length, () => announce({ pages, users }));
    expect(messages.flatMap((m) => m.pages)).toEqual(pages);
    expect(messages.flatMap((m) => m.users)).toEqual(users);
  });
});

describe("the listener of an instance", () => {
  it("passes other instances' changes to its own invalidation route with the internal token, ignores its own and junk, and asks for everything after a lost connection", async () => {
    const calls: { authorization?: string; body: Invalidation }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        if (req.url === INVALIDATE_PATH && req.method === "POST") calls.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.PORT = String((server.address() as AddressInfo).port);
    const listener = startInvalidationListener();
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check()).toBe(true);
    };
    try {
      const listening = async () => (await watcher`select count(*)::int as n from pg_stat_activity where query ilike 'listen%' and datname = current_database()`)[0]!.n > 0;
      for (let i = 0; i < 100 && !(await listening()); i++) await new Promise((r) => setTimeout(r, 50));

      const other = { from: "another-instance", pages: [{ path: "/issues/2026-04-30" }], qrCodes: ["CXBNEWS"], users: [] };
      await watcher.notify(INVALIDATION_CHANNEL, JSON.stringify({ ...other, from: instanceId() }));
      await watcher.notify(INVALIDATION_CHANNEL, "{not json");
      await watcher.notify(INVALIDATION_CHANNEL, JSON.stringify({ from: "x", pages: [{ path: "no-slash" }] }));
      await watcher.notify(INVALIDATION_CHANNEL, JSON.stringify(other));
      await until(() => calls.length === 1);
      expect(calls[0]).toEqual({ authorization: `Bearer ${internalToken(INVALIDATE_PURPOSE)}`, body: other });

      // PostgreSQL restarts or the connection drops: messages sent meanwhile are lost, so the instance forgets everything.
      await watcher`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%' and datname = current_database() and pid <> pg_backend_pid()`;
      await until(() => calls.length === 2);
      expect(calls[1]!.body).toMatchObject({ everything: true });
    } finally {
      await listener.stop();
      server.close();
    }
  });
});
