import { expect, test, type Page } from "@playwright/test";
import { aiArticlePath, FREE_ARTICLE_TITLE, GATED_MARKER, signInWithPassword } from "./support/demo";

const lang = (page: Page) => page.locator("html").getAttribute("lang");
/**
 * Han characters in the page's own words inside `selector` (the site's header, say), leaving out what is
 * marked as another language (the switcher's "中文") and the articles' own titles (content stays Chinese).
 */
const hanIn = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[lang]:not([lang="en"]), article, [data-content]').forEach((el) => el.remove());
    return copy.textContent?.match(/\p{Script=Han}+/gu) ?? [];
  });

test("a reader switches to English: the choice is remembered, <html lang> follows, the address stays, the articles stay Chinese", async ({ page, browser }) => {
  await page.goto("/issues/2026-04-30");
  expect(await lang(page)).toBe("zh-CN");
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL((url) => url.pathname === "/issues/2026-04-30");
  expect(await lang(page)).toBe("en");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Today's issue" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Archive" })).toBeVisible();
  // Content stays in the language it was written in.
  await expect(page.getByRole("link", { name: FREE_ARTICLE_TITLE }).first()).toBeVisible();
  expect(await hanIn(page, "body > header")).toEqual([]);

  // Remembered on this device: another page, and today's page, come in English too.
  await page.goto("/archive/2026-05");
  expect(await lang(page)).toBe("en");
  await page.goto("/");
  expect(await lang(page)).toBe("en");

  // Each language has its own cached copy: a visitor who never switched still gets Chinese at the same address.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/issues/2026-04-30");
  expect(await lang(other)).toBe("zh-CN");
  await expect(other.getByRole("banner").getByRole("link", { name: "今日报纸" })).toBeVisible();

  // And back.
  await page.getByRole("link", { name: "中文" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  expect(await lang(page)).toBe("zh-CN");
});

test("a subscriber reading in English still gets the whole article, and an anonymous reader only the teaser", async ({ page, browser }) => {
  await signInWithPassword(page, "subscriber@demo.test");
  const path = await aiArticlePath(page);
  await page.goto(`/api/locale?to=en&next=${encodeURIComponent(path)}`);
  await page.waitForURL((url) => url.pathname === path);
  expect(await lang(page)).toBe("en");
  await expect(page.getByText(GATED_MARKER)).toBeVisible();

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/api/locale?to=en&next=${encodeURIComponent(path)}`);
  await anonymous.waitForURL((url) => url.pathname === path);
  expect(await lang(anonymous)).toBe("en");
  expect(await anonymous.content()).not.toContain(GATED_MARKER);
});

test("the switcher sends readers back only within the site", async ({ request }) => {
  for (const [url, headers] of [
    ["/api/locale?to=en&next=//evil.example/x", {}],
    ["/api/locale?to=en&next=https://evil.example/", {}],
    ["/api/locale?to=en", { referer: "https://evil.example/issues/2026-04-30" }],
    ["/api/locale?to=xx", {}],
  ] as const) {
    const response = await request.get(url, { maxRedirects: 0, headers });
    expect(response.status(), url).toBe(303);
    expect(new URL(response.headers()["location"]!, "http://same.invalid").host, url).toBe("same.invalid");
  }
  const unknown = await request.get("/api/locale?to=xx", { maxRedirects: 0 });
  expect(unknown.headers()["set-cookie"] ?? "").not.toContain("cxb_locale");
});
