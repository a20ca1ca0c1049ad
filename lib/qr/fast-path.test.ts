import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { issues, publication, qrCodes, qrScans } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { REF_COOKIE } from "./attribution";
import { createQrFastPath } from "./fast-path";
import { forgetFrontSnapshot } from "./landing-data";
import { forgetAllQrCodes } from "./resolve";
import { scanRecorder } from "./scan-recorder";

const wechat = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP request, so paths like `/q/../admin` reach the server unnormalised. */
function get(port: number, path: string, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers: { "user-agent": wechat, "x-forwarded-for": "198.51.100.7" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the /q/CODE fast path in front of Next", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let server: Server;
  let port = 0;
  const fastPath = createQrFastPath(true);

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    const [issue] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 8, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") }).returning();
    await db.insert(qrCodes).values([
      { code: "EDN2345", label: "今日报纸", placement: "campaign", destination: "issue", destinationIssueId: issue!.id },
      { code: "MAST234", label: "报头", placement: "masthead", destination: "landing" },
      { code: "STPD234", label: "停用", placement: "campaign", destination: "subscribe", enabled: false },
    ]);
    // What scripts/server.mjs does: the fast path first, Next for the rest (here: a marker answer).
    server = createServer((req, res) => {
      if (fastPath.matches(req)) return void fastPath.serve(req, res);
      res.writeHead(299, { "Content-Type": "text/plain" });
      res.end("next");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.close();
    forgetAllQrCodes();
    forgetFrontSnapshot();
    await drop();
  });

  it("redirects a printed code (any case) with the security headers, the funnel cookie and no caching", async () => {
    const answer = await get(port, "/q/edn2345");
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/issues/2026-04-30");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(answer.headers["strict-transport-security"]).toContain("max-age=");
    expect(String(answer.headers["set-cookie"])).toContain(`${REF_COOKIE}=`);
    expect(String(answer.headers["set-cookie"])).toContain("HttpOnly");
  });

  it("shows landing and friendly pages as HTML without JavaScript; HEAD gets no body", async () => {
    const landing = await get(port, "/q/MAST234");
    expect(landing.status).toBe(200);
    expect(landing.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(landing.body).toContain("财信报");
    expect(landing.body).not.toContain("<script");
    expect(landing.body).toContain("微信"); // the in-app browser hint for a WeChat scanner

    const disabled = await get(port, "/q/STPD234");
    expect(disabled.status).toBe(404);
    expect(disabled.body).toContain('href="/"');

    const head = await get(port, "/q/MAST234", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it.each(["/q", "/q/", "/q/../admin", "/q/ab%2Fcd", "/q/EDN2345/more", "/q/" + "A".repeat(40), "/qr/EDN2345", "/admin"])(
    "leaves %s to Next, whose routes answer it",
    async (path) => {
      expect((await get(port, path)).body).toBe("next");
    },
  );

  it("leaves anything but GET and HEAD to Next", async () => {
    expect((await get(port, "/q/EDN2345", "POST")).body).toBe("next");
  });

  it("queues every scan it answers, without raw IPs, and the batch writer stores each one", async () => {
    await scanRecorder().flush(); // the earlier tests' scans
    const before = (await db.select().from(qrScans)).length;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => get(port, i % 2 ? "/q/EDN2345" : "/q/NOPE234")));
    expect(answers.filter((a) => a.status === 302)).toHaveLength(20);
    expect(answers.filter((a) => a.status === 404)).toHaveLength(20);
    await scanRecorder().flush();
    const rows = await db.select().from(qrScans);
    expect(rows.length - before).toBe(40);
    expect(rows.filter((r) => r.requestedCode === "NOPE234" && r.outcome === "unknown").length).toBe(20);
    expect(JSON.stringify(rows)).not.toContain("198.51.100.7");
  });
});
