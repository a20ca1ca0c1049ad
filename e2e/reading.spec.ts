import { expect, test } from "@playwright/test";
import { AI_ARTICLE_TITLE, GATED_MARKER, aiArticlePath, signInWithPassword } from "./support/demo";

/** The e-edition around the pages: PDFs for subscribers, reading settings, the zoomable 版面, feeds. */

test("page and issue PDFs: signed out → sign in, member → refused, subscriber → a PDF with a Chinese file name", async ({ page, request }) => {
  expect((await request.get("/issues/2026-04-30/pages/1/pdf", { maxRedirects: 0 })).status()).toBe(401);

  await page.goto("/issues/2026-04-30/pages/1");
  await page.getByRole("link", { name: /下载本版 PDF/ }).click();
  await page.waitForURL(/\/login\?next=/);

  await signInWithPassword(page, "member@demo.test");
  const refused = await page.request.get("/issues/2026-04-30/pages/1/pdf", { maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("%PDF");

  const subscriber = await (await page.context().browser()!.newContext()).newPage();
  await signInWithPassword(subscriber, "subscriber@demo.test");
  const pdf = await subscriber.request.get("/issues/2026-04-30/pages/1/pdf");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("财信报-2026-04-30-第1版.pdf")}`);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("reading settings are remembered on the device and applied before the page paints", async ({ page }) => {
  await page.goto(await aiArticlePath(page));
  const tools = page.getByRole("region", { name: /阅读设置/ });
  await tools.getByRole("button", { name: "特大", exact: true }).click();
  await tools.getByRole("button", { name: "深色", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "xlarge");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "xlarge");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(tools.getByRole("button", { name: "特大", exact: true })).toHaveAttribute("aria-pressed", "true");
});

test("the 版面 view zooms and pans with the keyboard, and its hot zones are reachable with Tab and Enter", async ({ page }) => {
  await page.goto("/issues/2026-04-30/pages/1");
  const frame = page.locator("figure[data-zoom]");
  await frame.focus();
  await page.keyboard.press("+");
  await expect(frame).toHaveAttribute("data-zoom", "1.50");
  await page.keyboard.press("0");
  await expect(frame).toHaveAttribute("data-zoom", "1.00");

  const firstZone = page.getByRole("group", { name: /版面热区/ }).getByRole("link").first();
  const title = await firstZone.getAttribute("aria-label");
  await firstZone.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title!.slice(0, 6));
});

test("the feed carries free articles in full and subscriber-only ones as teasers; robots keeps crawlers out of private areas", async ({ request }) => {
  const feed = await request.get("/feed.xml");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("xml");
  const xml = await feed.text();
  expect(xml).toContain("<feed");
  expect(xml).not.toContain(GATED_MARKER);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/admin/);
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test("search finds Chinese words without spaces and highlights them; a subscriber article's hidden text is not searchable", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("search", { name: /站内搜索/ }).getByRole("searchbox").fill("人工智能");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?/);
  const hit = page.getByRole("link", { name: AI_ARTICLE_TITLE });
  await expect(hit).toBeVisible();
  await expect(page.locator("mark", { hasText: "人工智能" }).first()).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent("聚焦三大目标")}`);
  await expect(page.getByRole("link", { name: AI_ARTICLE_TITLE })).toHaveCount(0);
  expect(await page.content()).not.toContain(GATED_MARKER);

  for (const odd of ["%", "_", "'\"", "😀", "x".repeat(1000)]) {
    const response = await page.request.get(`/search?q=${encodeURIComponent(odd)}`);
    expect(response.status(), odd.slice(0, 10)).toBe(200);
  }
});
