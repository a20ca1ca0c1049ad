import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it } from "vitest";
import { levelFromEnv, loggedPath, requestIdFor } from "./log-core.mjs";
import { requestLogging } from "./log-http.mjs";
import { captureLogs, createLogger, currentRequestId, logger, maskEmail, requestContext, safeRequestId } from "./log";

/** A destination that keeps what pino writes, and the lines parsed (each must be one JSON object). */
function capture() {
  const chunks: string[] = [];
  return {
    stream: { write: (chunk: string) => void chunks.push(chunk) },
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe("the app's logger", () => {
  it("writes one JSON object per line, with level, time, message and the child's module", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "info" }).child({ module: "billing" });
    log.info({ eventId: "evt_1" }, "Stripe event handled");
    log.warn("second line");
    log.debug("below the level: not written");
    const lines = out.lines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "info", module: "billing", eventId: "evt_1", msg: "Stripe event handled" });
    expect(typeof lines[0]!.time).toBe("string");
    expect(lines[1]).toMatchObject({ level: "warn", msg: "second line" });
  });

  it("never writes passwords, tokens, cookies, authorization or Stripe signatures, at the top level, one level down or in headers", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "info" });
    const attempt = {
      password: "hunter2-password",
      token: "tok-SECRET-1",
      user: { id: 7, passwordHash: "$2b$10$abcdefghijklmnopqrstuvHASH", email: "reader@example.com" },
      session: { sessionToken: "sess-SECRET-2", secret: "whsec_SECRET3" },
      headers: { cookie: "authjs.session-token=COOKIE-SECRET-4", authorization: "Bearer BEARER-SECRET-5", "stripe-signature": "t=1,v1=SIG-SECRET-6", host: "e.caixinbao.cn" },
      req: { headers: { Authorization: "Basic BASIC-SECRET-7", "set-cookie": ["a=SETCOOKIE-SECRET-8"] } },
      card: { number: "4242424242424242" },
      AUTH_SECRET: "auth-SECRET-9",
    };
    log.info(attempt, "sign-in attempt");

    const text = out.text();
    for (const secret of ["hunter2", "tok-SECRET", "HASH", "sess-SECRET", "whsec_", "COOKIE-SECRET", "BEARER-SECRET", "SIG-SECRET", "BASIC-SECRET", "SETCOOKIE-SECRET", "4242424242424242", "auth-SECRET", "reader@example.com"]) {
      expect(text).not.toContain(secret);
    }
    const [line] = out.lines();
    expect(line).toMatchObject({
      password: "[Redacted]",
      token: "[Redacted]",
      user: { id: 7, passwordHash: "[Redacted]", email: "r***@example.com" },
      session: { sessionToken: "[Redacted]", secret: "[Redacted]" },
      headers: { cookie: "[Redacted]", authorization: "[Redacted]", "stripe-signature": "[Redacted]", host: "e.caixinbao.cn" },
      req: { headers: { Authorization: "[Redacted]", "set-cookie": "[Redacted]" } },
      card: "[Redacted]",
      AUTH_SECRET: "[Redacted]",
    });
    // The caller's object is left as it was.
    expect(attempt.password).toBe("hunter2-password");
    expect(attempt.headers.cookie).toContain("COOKIE-SECRET");
  });

  it("masks email addresses in fields, in the message and in its arguments", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "info" });
    log.info({ to: "reader@example.com", subject: "Welcome editor@caixinbao.cn" }, "could not mail %s, asked by admin@caixinbao.cn", "gift@example.org");
    const text = out.text();
    expect(text).not.toMatch(/reader@|editor@|admin@|gift@/);
    expect(out.lines()[0]).toMatchObject({
      to: "r***@example.com",
      subject: "Welcome e***@caixinbao.cn",
      msg: "could not mail g***@example.org, asked by a***@caixinbao.cn",
    });
  });

  it("keeps an error's stack as { err }, without query parameters or email addresses", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "info" });
    const cause = new Error("duplicate key value violates unique constraint");
    const error = new DrizzleQueryError("insert into users (email, password_hash) values ($1, $2)", ["reader@example.com", "$2b$10$SECRETHASH"], cause);
    log.error({ err: error }, "Could not create the account");
    const text = out.text();
    expect(text).not.toContain("reader@example.com");
    expect(text).not.toContain("SECRETHASH");
    const err = out.lines()[0]!.err as Record<string, string>;
    expect(err.type).toBe("DrizzleQueryError");
    expect(err.message).toBe("Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: [Redacted]: duplicate key value violates unique constraint");
    expect(err.stack).toMatch(/params: \[Redacted\]\n\s+at .*log\.test\.ts/);
    expect(err.stack).toContain("caused by: Error: duplicate key value");
    expect(err.params).toBe("[Redacted]");
  });

  it("adds the requestId of the request being served, and none outside one", async () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "info" }).child({ module: "mail" });
    requestContext(); // what lib/log and scripts/server.mjs share
    await globalThis.__caixinRequestContext!.run({ requestId: "abc12345" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info("inside a request");
      expect(currentRequestId()).toBe("abc12345");
    });
    log.info("outside any request");
    const [inside, outside] = out.lines();
    expect(inside).toMatchObject({ requestId: "abc12345", module: "mail" });
    expect(outside).not.toHaveProperty("requestId");
    expect(currentRequestId()).toBeUndefined();
  });

  it("is silent under Vitest unless LOG_LEVEL says otherwise, and info by default", () => {
    expect(levelFromEnv({ VITEST: "true" })).toBe("silent");
    expect(levelFromEnv({ VITEST: "true", LOG_LEVEL: "debug" })).toBe("debug");
    expect(levelFromEnv({})).toBe("info");
    expect(levelFromEnv({ LOG_LEVEL: "WARN" })).toBe("warn");
    expect(levelFromEnv({ LOG_LEVEL: "loud" })).toBe("info");
    expect(logger.level).toBe(process.env.LOG_LEVEL ? levelFromEnv() : "silent");
    expect(globalThis.__caixinLogger).toBe(logger);
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("reader@example.com")).toBe("r***@example.com");
    expect(maskEmail("张三@例子.中国")).toBe("张***@例子.中国");
    expect(maskEmail("@example.com")).toBe("***@example.com");
    expect(maskEmail("not an address")).toBe("not an address");
    expect(maskEmail(undefined)).toBe("[Redacted]");
  });
});

describe("request ids", () => {
  it("keeps a safe incoming X-Request-Id (8–64 of A–Z a–z 0–9 . _ -), as nginx's $request_id would be", () => {
    for (const id of ["abc12345", "0123456789abcdef0123456789abcdef", "3f2b8c4e-5d6a-4e7f-8a9b-0c1d2e3f4a5b", "edge.01_A-b", "a".repeat(64)]) {
      expect(safeRequestId(id)).toBe(id);
      expect(requestIdFor(id)).toBe(id);
    }
    expect(safeRequestId(["abc12345", "other-one"])).toBe("abc12345");
  });

  it("replaces anything else with a new UUID", () => {
    for (const bad of [undefined, "", "short", "a".repeat(65), "abc12345\nlevel=fatal", 'abc12345"}', "<script>alert(1)</script>", "abc 12345", "../../etc/passwd", "abc12345;rm"]) {
      expect(safeRequestId(bad)).toBeNull();
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFor("bad")).not.toBe(requestIdFor("bad"));
  });

  it("logs paths without query strings or token segments", () => {
    expect(loggedPath("/api/auth/callback/nodemailer?token=SECRET&email=reader%40example.com")).toBe("/api/auth/callback/nodemailer");
    expect(loggedPath("/calendar.ics?token=SECRET")).toBe("/calendar.ics");
    expect(loggedPath("/reset-password/SECRET-TOKEN")).toBe("/reset-password/[Redacted]");
    expect(loggedPath("/invite/SECRET-TOKEN?next=/x")).toBe("/invite/[Redacted]");
    expect(loggedPath("/gift/claim/SECRET-TOKEN/done")).toBe("/gift/claim/[Redacted]/done");
    expect(loggedPath("/q/ABC123")).toBe("/q/ABC123");
  });
});

describe("requestLogging (what scripts/server.mjs wraps every request in)", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(access: boolean, appLog: ReturnType<typeof createLogger>, accessLog: ReturnType<typeof createLogger>) {
    const wrap = requestLogging({ logger: accessLog, access });
    server = createServer((req, res) =>
      wrap(req, res, () => {
        // Like a route handler: some awaited work, then a log line, then the answer.
        void (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          appLog.info({ seen: req.headers["x-request-id"] }, "handled");
          res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
          res.end("ok");
        })();
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it("answers with X-Request-Id, tags the handler's lines with it and writes one access line", async () => {
    const out = capture();
    const base = createLogger({ destination: out.stream, level: "info" });
    const url = await serve(true, base.child({ module: "app" }), base.child({ module: "http" }));

    const kept = await fetch(`${url}/reset-password/SECRET-TOKEN?email=reader@example.com`, { headers: { "x-request-id": "nginx-0123456789abcdef" } });
    expect(kept.headers.get("x-request-id")).toBe("nginx-0123456789abcdef");
    const replaced = await fetch(`${url}/missing?token=SECRET`, { headers: { "x-request-id": "bad id" } });
    const newId = replaced.headers.get("x-request-id")!;
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    await kept.text();
    await replaced.text();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const lines = out.lines();
    expect(out.text()).not.toMatch(/SECRET|reader@/);
    const handled = lines.filter((line) => line.msg === "handled");
    expect(handled.map((line) => [line.requestId, line.seen])).toEqual([
      ["nginx-0123456789abcdef", "nginx-0123456789abcdef"],
      [newId, newId],
    ]);
    const access = lines.filter((line) => line.msg === "request");
    expect(access).toHaveLength(2);
    expect(access[0]).toMatchObject({ module: "http", requestId: "nginx-0123456789abcdef", method: "GET", path: "/reset-password/[Redacted]", status: 200 });
    expect(access[1]).toMatchObject({ requestId: newId, path: "/missing", status: 404 });
    expect(access[1]!.ms).toBeGreaterThanOrEqual(0);
  });

  it("keeps concurrent requests' ids apart", async () => {
    const out = capture();
    const base = createLogger({ destination: out.stream, level: "info" });
    const url = await serve(false, base, base);
    const ids = Array.from({ length: 10 }, (_, i) => `concurrent-${String(i).padStart(2, "0")}`);
    await Promise.all(ids.map((id) => fetch(url, { headers: { "x-request-id": id } }).then((r) => r.text())));
    const handled = out.lines().filter((line) => line.msg === "handled");
    expect(handled).toHaveLength(10);
    for (const line of handled) expect(line.requestId).toBe(line.seen);
    expect(new Set(handled.map((line) => line.requestId))).toEqual(new Set(ids));
  });

  it("writes no access line with LOG_ACCESS=0 (access: false), and still sends the id", async () => {
    const out = capture();
    const base = createLogger({ destination: out.stream, level: "info" });
    const url = await serve(false, base, base);
    const response = await fetch(url);
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.lines().map((line) => line.msg)).toEqual(["handled"]);
  });
});

describe("captureLogs (for tests of code that logs)", () => {
  it("reads what the module loggers, children made before the capture included, would write", () => {
    const child = logger.child({ module: "made-at-import" });
    const logs = captureLogs("warn");
    child.info("below warn");
    child.warn({ email: "reader@example.com" }, "seen");
    logs.restore();
    child.error("after restore");
    expect(logs.lines()).toEqual([expect.objectContaining({ level: "warn", module: "made-at-import", email: "r***@example.com", msg: "seen" })]);
  });
});
