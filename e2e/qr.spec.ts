import { devices, expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { GATED_MARKER, aiArticlePath, registerNewReader, signInWithPassword } from "./support/demo";
import { uniqueAddress } from "./support/addresses";

/**
 * From print to a subscription: staff make a code for a subscriber-only
 * article, the printed PNG decodes to its short URL, a phone in WeChat scans
 * it and reads the whole article (the paper in hand paid for it), the scan
 * shows in the analytics, and the same visitor signs up and subscribes, which
 * the code's funnel counts.
 */
const WECHAT_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
// A phone-sized touch screen, in Chromium (the descriptor's own browser is WebKit).
const { defaultBrowserType: _webkit, ...iPhone } = devices["iPhone 13"];

async function decodePng(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

function stat(page: Page, label: string) {
  return page.locator("div", { has: page.locator("dt", { hasText: new RegExp(`^${label}`) }) }).locator("dd").first();
}

test("a code printed for an article: PNG decodes, a WeChat scan unlocks the article, the scan and the funnel show in analytics", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const staff = await (await browser.newContext()).newPage();
  await signInWithPassword(staff, "editor@demo.test", "/admin/qr/new");
  const articleId = (await aiArticlePath(staff)).split("/").pop()!;

  await staff.goto("/admin/qr/new");
  await staff.getByRole("textbox", { name: /^名称/ }).fill("人工智能稿件 · 印刷版二维码");
  await staff.getByLabel("印在哪里").selectOption({ label: "稿件" });
  await staff.getByLabel("稿件编号").fill(articleId);
  await staff.getByLabel("目标", { exact: true }).selectOption({ label: "稿件" });
  await staff.getByLabel("目标稿件编号").fill(articleId);
  await staff.getByRole("button", { name: /创建二维码/ }).click();
  await staff.waitForURL(/\/admin\/qr\/\d+\?done=created/);
  const codePath = new URL(staff.url()).pathname;
  const shortUrl = (await staff.locator("code", { hasText: "/q/" }).first().textContent())!.trim();
  expect(shortUrl).toMatch(new RegExp(`^${baseURL}/q/[2-9A-HJ-KMNP-Z]{7}$`));

  // The print file: a 3 cm PNG at 300 dpi that a phone's camera reads back as the short URL.
  const png = await staff.request.get(`${codePath}/download?format=png&size=3&ec=M`);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-disposition"]).toContain("attachment");
  expect(await decodePng(await png.body())).toBe(shortUrl);

  // A phone in WeChat scans: the full article opens, with the unlock notice and the way out of WeChat for paying.
  const phone = await (
    await browser.newContext({ ...iPhone, userAgent: WECHAT_IPHONE, extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })
  ).newPage();
  await phone.goto(shortUrl.replace(baseURL!, ""));
  await phone.waitForURL(new RegExp(`/articles/${articleId}$`));
  await expect(phone.getByText(GATED_MARKER)).toBeVisible();
  await expect(phone.getByText(/本文已为您解锁/)).toBeVisible();
  await expect(phone.getByText(/您正在微信内浏览/).first()).toBeVisible();

  // Staff see the scan (it is recorded after the response, in a batch).
  await expect
    .poll(async () => {
      await staff.goto(codePath);
      return Number(await stat(staff, "扫码次数").textContent());
    })
    .toBeGreaterThanOrEqual(1);

  // The same visitor signs up and subscribes: the funnel counts both for the code.
  await registerNewReader(phone, "qr-funnel");
  await phone.goto("/subscribe");
  await phone.getByRole("link", { name: /选择此方案 数字版 · 按月订阅/ }).click();
  await phone.getByRole("button", { name: /前往支付/ }).click();
  await phone.waitForURL(/\/pay\//);
  await phone.getByRole("button", { name: /银行卡支付/ }).click();
  await phone.waitForURL(/\/subscribe\/success/);
  await expect(phone.getByText("订阅已生效")).toBeVisible({ timeout: 20_000 });

  await staff.goto(codePath);
  await expect(stat(staff, "注册")).toHaveText("1");
  await expect(stat(staff, "订阅")).toHaveText("1");
});

test("unknown, malformed and disabled codes get the friendly page with a way on, never a 500", async ({ browser, request }) => {
  for (const path of ["/q/ZZZZZZZ", "/q/abc$%^&", `/q/${"A".repeat(300)}`, "/q/..%2Fadmin", "/q/%2e%2e%2fadmin", "/q/ABC%00", "/q", "/q/ABCDEFG/extra"]) {
    const response = await request.get(path, { maxRedirects: 0, headers: { "x-forwarded-for": uniqueAddress() } });
    expect(response.status(), path).toBeLessThan(500);
    const html = await response.text();
    expect(html, path).toContain('href="/"');
    expect(html, path).toContain("/subscribe");
  }

  const staff = await (await browser.newContext()).newPage();
  await signInWithPassword(staff, "editor@demo.test", "/admin/qr/new");
  await staff.getByRole("textbox", { name: /^名称/ }).fill("即将停用的活动码");
  await staff.getByLabel("印在哪里").selectOption({ label: "推广活动" });
  await staff.getByLabel(/活动名称/).fill("春季推广");
  await staff.getByLabel("目标", { exact: true }).selectOption({ label: "订阅页" });
  await staff.getByRole("button", { name: /创建二维码/ }).click();
  await staff.waitForURL(/\/admin\/qr\/\d+\?done=created/);
  const code = (await staff.locator("code", { hasText: "/q/" }).first().textContent())!.trim().split("/q/")[1]!;

  const live = await request.get(`/q/${code.toLowerCase()}`, { maxRedirects: 0 });
  expect(live.status()).toBe(302);
  expect(live.headers().location).toMatch(/^\/subscribe/);

  await staff.getByRole("button", { name: "停用二维码" }).click();
  await expect(staff.getByRole("button", { name: "启用二维码" })).toBeVisible();
  const disabled = await request.get(`/q/${code}`, { maxRedirects: 0 });
  expect(disabled.status()).toBeLessThan(500);
  expect(await disabled.text()).toContain("这个二维码已停用");
});
