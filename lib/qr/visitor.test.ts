import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { qrSalts } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { addDays, todayInPaperZone } from "@/lib/dates";
import { deviceClass, forgetSalts, inAppBrowser, isBotAgent, saltFor, visitorHash, visitorHashAt } from "./visitor";

const agents = {
  iosWeChat:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
  androidWeChat:
    "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
  alipay:
    "Mozilla/5.0 (Linux; U; Android 12; zh-CN; PEHM00 Build/SKQ1.210216.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 AliApp(AP/10.5.36.8100) AlipayClient/10.5.36.8100 Language/zh-Hans useStatusBar/true isConcaveScreen/true",
  qq: "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/8.9.80.621 V1_IPH_SQ_8.9.80_1_APP_A Pixel/1170 Core/WKWebView Device/Apple(iPhone 13) NetType/WIFI QBWebViewType/1 WKType/1",
  qqBrowser:
    "Mozilla/5.0 (Linux; U; Android 12; zh-cn; PFFM10 Build/SP1A.210812.016) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.2 Mobile Safari/537.36 COVC/046801",
  weibo:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,5__weibo__13.11.1__iphone__os17.1)",
  dingTalk:
    "Mozilla/5.0 (Linux; U; Android 11; zh-CN; M2012K11AC Build/RKQ1.200826.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.0.36 Mobile Safari/537.36 AliApp(DingTalk/6.5.20) com.alibaba.android.rimet/24162033 Channel/227200 language/zh-CN",
  desktopChrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  macSafari: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  empty: "",
};

describe("visitor: classifying the scanning device and app", () => {
  it.each([
    ["iosWeChat", "ios", "wechat", false],
    ["androidWeChat", "android", "wechat", false],
    ["alipay", "android", "alipay", false],
    ["qq", "ios", "qq", false],
    ["qqBrowser", "android", null, false],
    ["weibo", "ios", "weibo", false],
    ["dingTalk", "android", "other", false],
    ["desktopChrome", "desktop", null, false],
    ["macSafari", "desktop", null, false],
    ["googlebot", "other", null, true],
    ["empty", "other", null, false],
  ] as const)("%s → %s, in-app %s, bot %s", (name, device, inApp, bot) => {
    const ua = agents[name];
    expect(deviceClass(ua)).toBe(device);
    expect(inAppBrowser(ua)).toBe(inApp);
    expect(isBotAgent(ua)).toBe(bot);
  });
});

describe("visitor: the daily-rotating visitor hash", () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    forgetSalts();
  });
  afterAll(async () => {
    forgetSalts();
    await drop();
  });

  const ip = "203.0.113.7";
  // Today at 10:00 and 23:30 in Shanghai, and 00:30 the next day (old days' salts are deleted, so it must be today).
  const today = todayInPaperZone();
  const morning = new Date(`${today}T02:00:00Z`);
  const lateEvening = new Date(`${today}T15:30:00Z`);
  const nextDay = new Date(`${today}T16:30:00Z`);

  it("is the same for the same IP and browser on one day, different the next day and for another browser", async () => {
    const a = await visitorHashAt(db, morning, ip, agents.iosWeChat);
    expect(await visitorHashAt(db, lateEvening, ip, agents.iosWeChat)).toBe(a);
    expect(await visitorHashAt(db, nextDay, ip, agents.iosWeChat)).not.toBe(a);
    expect(await visitorHashAt(db, morning, ip, agents.androidWeChat)).not.toBe(a);
    expect(await visitorHashAt(db, morning, "203.0.113.8", agents.iosWeChat)).not.toBe(a);
    expect(a).not.toContain(ip);
  });

  it("keeps one salt per day in the database, shared by every instance", async () => {
    const stored = await db.select().from(qrSalts);
    const todays = stored.find((s) => s.day === today);
    expect(todays).toBeDefined();
    expect(stored.map((s) => s.day).sort()).toEqual([today, addDays(today, 1)]);
    forgetSalts(); // another instance, or a restart, finds the same salt
    expect(await visitorHashAt(db, morning, ip, agents.iosWeChat)).toBe(visitorHash(todays!.salt, ip, agents.iosWeChat));
  });

  it("deletes salts older than yesterday, so old hashes can no longer be recomputed", async () => {
    const later = addDays(today, 5);
    await saltFor(db, later, later);
    const days = (await db.select({ day: qrSalts.day }).from(qrSalts)).map((s) => s.day).sort();
    expect(days).toEqual([later]);
    await saltFor(db, addDays(later, 1), addDays(later, 1));
    expect((await db.select({ day: qrSalts.day }).from(qrSalts)).map((s) => s.day).sort()).toEqual([later, addDays(later, 1)]);
  });
});
