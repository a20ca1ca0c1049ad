import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, issues, pages, publication, qrCodes, type QrLanding } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { readQrRef, REF_COOKIE } from "./attribution";
import { DEMO_MASTHEAD_CODE, seedDemoQrCodes } from "./demo-codes";
import { forgetFrontSnapshot } from "./landing-data";
import { forgetAllQrCodes, forgetQrCode, resolveQrCode } from "./resolve";
import { answerQrScan, REQUESTED_CODE_MAX } from "./scan-answer";
import { addUnlock, UNLOCK_COOKIE, unlockedArticle } from "./unlock";

/** The cookies a response sets, by name: value and attributes. */
function setCookies(response: Response): Map<string, { value: string; attributes: string[] }> {
  const cookies = new Map<string, { value: string; attributes: string[] }>();
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split("; ");
    const eq = pair!.indexOf("=");
    cookies.set(pair!.slice(0, eq), { value: pair!.slice(eq + 1), attributes });
  }
  return cookies;
}

const wechat =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

const scanOf = (code: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/q/${encodeURIComponent(code.replace(/[\ud800-\udfff]/g, ""))}`, { headers: { "user-agent": chrome, "x-forwarded-for": "192.0.2.10", ...headers } });

describe("QR scans: where /q/CODE goes, and what is recorded", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let articleId = 0;
  const now = new Date("2026-11-20T04:00:00Z");
  const past = new Date("2026-10-01T00:00:00Z");
  const future = new Date("2027-01-01T00:00:00Z");

  const code = async (values: Partial<typeof qrCodes.$inferInsert> & { code: string }) =>
    (await db.insert(qrCodes).values({ label: values.code, placement: "campaign", destination: "landing", ...values }).returning())[0]!;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    const [issue] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 8, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") }).returning();
    const [draft] = await db.insert(issues).values({ date: "2026-12-31", number: 1330, pageCount: 4, status: "draft" }).returning();
    const [front] = await db.insert(pages).values({ issueId: issue!.id, number: 1, name: "第1版 要闻", imageKey: "issues/2026-04-30/p1.svg", imageWidth: 1000, imageHeight: 1414 }).returning();
    const [article] = await db
      .insert(articles)
      .values({ issueId: issue!.id, pageId: front!.id, title: "内蒙古全面推动人工智能赋能千行百业", kicker: "要闻", body: "正文", access: "subscribers" })
      .returning();
    articleId = article!.id;
    await code({ code: "MAST234", placement: "masthead" });
    await code({ code: "ART2345", placement: "article", destination: "article", destinationArticleId: articleId });
    await code({ code: "EDN2345", destination: "issue", destinationIssueId: issue!.id });
    await code({ code: "PAGE234", destination: "page", destinationIssueId: issue!.id, destinationPageNumber: 1 });
    await code({ code: "SUBS234", destination: "subscribe", promotionCode: "SPRING 26" });
    await code({ code: "EXT2345", destination: "external", externalUrl: "https://example.com/campaign?a=1" });
    await code({ code: "BADX234", destination: "external", externalUrl: "javascript:alert(1)" });
    await code({ code: "DRAFT23", destination: "issue", destinationIssueId: draft!.id });
    await code({ code: "STPD234", destination: "subscribe", enabled: false });
    const fallback: QrLanding = { title: "春季订阅活动已结束", text: "感谢参与。<b>不加粗</b>", ctaLabel: "看今日报纸", ctaHref: "/" };
    await code({ code: "EXPF234", destination: "subscribe", activeUntil: past, fallback });
    await code({ code: "EXPN234", destination: "subscribe", activeUntil: past });
    await code({ code: "NYET234", destination: "subscribe", activeFrom: future });
    await code({
      code: "CUST234",
      landing: { title: "读者见面会 <script>alert(1)</script>", text: "第一段\n第二行\n\n<script>alert('x')</script><img src=x onerror=alert(1)>", ctaLabel: "报名", ctaHref: "javascript:alert(1)", imageKey: "qr/cust.png" },
    });
  });
  afterAll(async () => {
    forgetAllQrCodes();
    forgetFrontSnapshot();
    await drop();
  });
  beforeEach(() => {
    forgetAllQrCodes();
    forgetFrontSnapshot();
  });

  it.each([
    ["ART2345", () => `/articles/${articleId}`],
    ["art2345", () => `/articles/${articleId}`], // printed codes are read case-insensitively
    ["EDN2345", () => "/issues/2026-04-30"],
    ["PAGE234", () => "/issues/2026-04-30/pages/1"],
    ["SUBS234", () => "/subscribe?promo=SPRING%2026"],
    ["EXT2345", () => "https://example.com/campaign?a=1"],
  ])("redirects %s with 302, uncached", async (raw, location) => {
    const { response, scan } = await answerQrScan(scanOf(raw), raw, now);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(location());
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(scan).toMatchObject({ codeId: expect.any(Number), requestedCode: raw.toUpperCase(), outcome: "ok", device: "desktop", inApp: null, isBot: false });
  });

  it("shows the masthead code's default landing: today's issue, its front page without layout shift, headlines, next issue, subscribe", async () => {
    const { response, scan } = await answerQrScan(scanOf("MAST234"), "MAST234", now);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport"');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("财信报");
    expect(html).toContain('<img src="/issues/2026-04-30/pages/1/image" width="1000" height="1414"');
    expect(html).toContain(`<a href="/articles/${articleId}"><span class="kicker">要闻</span>内蒙古全面推动人工智能赋能千行百业</a>`);
    expect(html).toContain("总第1253期");
    expect(html).toContain("下期出版");
    expect(html).toContain('<a class="cta" href="/subscribe">订阅本报 Subscribe</a>');
    expect(html).not.toContain("在浏览器打开"); // no in-app hint in a normal browser
    expect(scan.outcome).toBe("ok");
  });

  it("tells a WeChat visitor how to open the system browser for card payment", async () => {
    const { response, scan } = await answerQrScan(scanOf("MAST234", { "user-agent": wechat }), "MAST234", now);
    const html = await response.text();
    expect(html).toContain("您正在微信内浏览");
    expect(html).toContain("点击右上角 ··· 选择「在浏览器打开」");
    expect(html).toContain("银行卡支付");
    expect(scan).toMatchObject({ device: "ios", inApp: "wechat" });
  });

  it("falls back to the default landing when a destination is gone or unpublished, or an external URL is not https", async () => {
    for (const raw of ["DRAFT23", "BADX234"]) {
      const { response, scan } = await answerQrScan(scanOf(raw), raw, now);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("欢迎阅读财信报数字报");
      expect(scan.outcome).toBe("ok");
    }
  });

  it("renders a custom landing with every piece of staff text inert", async () => {
    const { response } = await answerQrScan(scanOf("CUST234"), "CUST234", now);
    const html = await response.text();
    expect(html).not.toMatch(/<script|<img src=x|javascript:/i);
    expect(html).toContain("<h1>读者见面会 &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    expect(html).toContain("<p>第一段<br>第二行</p>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('<a class="cta" href="/subscribe">报名</a>'); // the javascript: link is dropped for the subscription
    expect(html).toContain('<img src="/q/img/CUST234" width="1200" height="800"');
  });

  it("shows the fallback page of an expired code, still counting the scan for that code", async () => {
    const { response, scan } = await answerQrScan(scanOf("EXPF234"), "EXPF234", now);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("春季订阅活动已结束");
    expect(html).toContain("感谢参与。&lt;b&gt;不加粗&lt;/b&gt;");
    expect(html).toContain('<a class="cta" href="/">看今日报纸</a>');
    expect(scan).toMatchObject({ codeId: expect.any(Number), requestedCode: "EXPF234", outcome: "expired" });
  });

  it.each([
    ["STPD234", 404, "这个二维码已停用", "disabled"],
    ["EXPN234", 200, "这个活动已经结束", "expired"],
    ["NYET234", 200, "这个活动尚未开始", "not_yet"],
  ] as const)("gives %s a friendly page (%i) with ways on: %s", async (raw, status, title, outcome) => {
    const { response, scan } = await answerQrScan(scanOf(raw), raw, now);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain(title);
    expect(html).toContain('<a href="/">返回首页 Home</a>');
    expect(html).toContain('<a href="/issues/2026-04-30">今日报纸 Today\'s issue</a>');
    expect(html).toContain('href="/subscribe"');
    expect(scan).toMatchObject({ codeId: expect.any(Number), requestedCode: raw, outcome });
  });

  it.each([
    ["unknown code", "ZZZZ234", "ZZZZ234"],
    ["invalid characters", "<b>0O1lI</b>", "<b>0O1lI</b>"],
    ["a path trick", "../admin", "../admin"],
    ["an encoded path trick", "%2e%2e%2fadmin", "%2e%2e%2fadmin"],
    ["a NUL byte", "ABC\u0000", "ABC?"],
    ["an empty code (/q)", "", "?"],
    ["extra path segments (/q/CODE/x)", "ART2345/x", "ART2345/x"],
    ["a 300-character code", "A".repeat(300), "A".repeat(REQUESTED_CODE_MAX)],
    ["emoji, control characters and a lone surrogate", "扫码😀\u0007\n\ud800", "扫码😀???"],
  ])("answers %s with the friendly 404 page and records an orphan scan", async (_name, raw, stored) => {
    const { response, scan } = await answerQrScan(scanOf(raw), raw, now);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("未找到这个二维码");
    expect(html).toContain('<a href="/">返回首页 Home</a>');
    expect(html).toContain('<a href="/issues/2026-04-30">今日报纸 Today\'s issue</a>');
    expect(html).not.toContain("<b>0O1lI");
    expect(scan).toMatchObject({ codeId: null, outcome: "unknown" });
    expect(scan.requestedCode).toBe(stored.slice(0, REQUESTED_CODE_MAX));
  });

  it("records the referrer's presence, bots, and the client address only as given by Next (no trusted proxy)", async () => {
    const { scan } = await answerQrScan(
      scanOf("ART2345", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", referer: "https://www.google.com/", "x-forwarded-for": "6.6.6.6, 192.0.2.99" }),
      "ART2345",
      now,
    );
    expect(scan).toMatchObject({ isBot: true, hasReferrer: true, device: "other", ip: "192.0.2.99" });
  });

  it("resolves a code with one query, then from memory until forgetQrCode", async () => {
    const first = await resolveQrCode("EDN2345");
    expect(first?.destination).toBe("issue");
    await db.update(qrCodes).set({ destination: "subscribe" }).where(eq(qrCodes.code, "EDN2345"));
    expect((await resolveQrCode("EDN2345"))?.destination).toBe("issue"); // cached: the database was not asked
    const { response: cached } = await answerQrScan(scanOf("EDN2345"), "EDN2345", now);
    expect(cached.headers.get("location")).toBe("/issues/2026-04-30");
    forgetQrCode("edn2345");
    expect((await resolveQrCode("EDN2345"))?.destination).toBe("subscribe");
    const { response } = await answerQrScan(scanOf("EDN2345"), "EDN2345", now);
    expect(response.headers.get("location")).toBe("/subscribe");
  });

  it("remembers unknown codes too, until the code is created and forgotten", async () => {
    expect(await resolveQrCode("NEW2345")).toBeNull();
    await code({ code: "NEW2345", destination: "subscribe" });
    expect(await resolveQrCode("NEW2345")).toBeNull();
    forgetQrCode("NEW2345");
    expect((await resolveQrCode("NEW2345"))?.destination).toBe("subscribe");
  });

  it("seeds the demo masthead code idempotently, landing on today's issue", async () => {
    await seedDemoQrCodes(db);
    const { masthead } = await seedDemoQrCodes(db);
    expect(masthead).toBe(DEMO_MASTHEAD_CODE);
    expect(await db.select().from(qrCodes).where(eq(qrCodes.code, masthead))).toHaveLength(1);
    const { response, scan } = await answerQrScan(scanOf(masthead.toLowerCase()), masthead.toLowerCase(), now);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("欢迎阅读财信报数字报");
    expect(scan).toMatchObject({ requestedCode: masthead, outcome: "ok" });
  });

  it("unlocks a scanned article for seven days and remembers the scan for the funnel, both in HttpOnly cookies", async () => {
    const { response, scan } = await answerQrScan(scanOf("ART2345", { "user-agent": wechat }), "ART2345", now);
    expect(response.status).toBe(302);
    const cookies = setCookies(response);
    expect([...cookies.keys()].sort()).toEqual([REF_COOKIE, UNLOCK_COOKIE].sort());
    for (const { attributes } of cookies.values()) {
      expect(attributes).toEqual(["Path=/", "Max-Age=604800", "HttpOnly", "SameSite=Lax"]); // no Secure: APP_URL is http here
    }
    const unlock = cookies.get(UNLOCK_COOKIE)!.value;
    expect(unlockedArticle(unlock, articleId, now)).toBe(true);
    expect(unlockedArticle(unlock, articleId + 1, now)).toBe(false);
    expect(unlockedArticle(unlock, articleId, new Date(now.getTime() + 7 * 86_400_000))).toBe(false);
    expect(readQrRef(cookies.get(REF_COOKIE)!.value, now)).toEqual({ codeId: scan.codeId, scannedAt: now });
  });

  it("adds the unlock to the ones the device already holds", async () => {
    const earlier = addUnlock(undefined, 999_999, new Date(now.getTime() - 86_400_000));
    const { response } = await answerQrScan(scanOf("ART2345", { cookie: `other=1; ${UNLOCK_COOKIE}=${earlier}; x=y` }), "ART2345", now);
    const unlock = setCookies(response).get(UNLOCK_COOKIE)!.value;
    expect(unlockedArticle(unlock, articleId, now)).toBe(true);
    expect(unlockedArticle(unlock, 999_999, now)).toBe(true);
  });

  it("gives bots no cookie at all", async () => {
    const bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    for (const raw of ["ART2345", "MAST234"]) {
      const { response } = await answerQrScan(scanOf(raw, { "user-agent": bot }), raw, now);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("remembers the scan (but unlocks nothing) for codes of other destinations, also outside their window; not for unknown or disabled codes", async () => {
    for (const raw of ["MAST234", "SUBS234", "EDN2345", "EXPF234", "NYET234"]) {
      const { response, scan } = await answerQrScan(scanOf(raw), raw, now);
      const cookies = setCookies(response);
      expect([...cookies.keys()], raw).toEqual([REF_COOKIE]);
      expect(readQrRef(cookies.get(REF_COOKIE)!.value, now)?.codeId).toBe(scan.codeId);
    }
    for (const raw of ["ZZZZ234", "STPD234", "../admin"]) {
      const { response } = await answerQrScan(scanOf(raw), raw, now);
      expect(response.headers.getSetCookie(), raw).toEqual([]);
    }
  });

  it("shares one query between concurrent first scans", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => resolveQrCode("ART2345")));
    expect(new Set(results).size).toBe(1); // the very same object: one load
  });
});
