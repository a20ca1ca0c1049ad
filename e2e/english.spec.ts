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

/** Controls and labels are the interface's own words, never content: in English none may be Chinese. */
async function chineseControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const han = /\p{Script=Han}/u;
    const found: string[] = [];
    const texts = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => !el.closest('[lang]:not([lang="en"])'));
    // Choices listed inside a label (a section filter, say) are content; menus of content (an issue's pages) too.
    for (const el of texts("main button, main label, main th, main legend, main summary, body > header a")) {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("select, option").forEach((o) => o.remove());
      const text = (copy.textContent ?? "").trim();
      if (han.test(text)) found.push(`<${el.tagName.toLowerCase()}> ${text.slice(0, 60)}`);
    }
    for (const el of texts("input[placeholder], textarea[placeholder]")) {
      const text = el.getAttribute("placeholder") ?? "";
      if (han.test(text)) found.push(`placeholder: ${text.slice(0, 60)}`);
    }
    return found;
  });
}

const englishPages: { as?: string; paths: string[] }[] = [
  { paths: ["/", "/issues/2026-04-30/pages/1", "/archive/2026-05", "/search?q=%E7%9F%A5%E8%AF%86", "/login", "/register", "/reset-password", "/subscribe"] },
  { as: "subscriber@demo.test", paths: ["/account", "/gift"] },
  { as: "admin@demo.test", paths: ["/admin", "/admin/issues", "/admin/issues/new", "/admin/pauses", "/admin/pauses/new", "/admin/schedule", "/admin/readers", "/admin/staff", "/admin/qr", "/admin/qr/new", "/admin/settings", "/admin/delivery", "/admin/audit"] },
];

for (const { as, paths } of englishPages) {
  test(`in English, no Chinese is left in the buttons, labels, menus and footer (${as ?? "signed out"})`, async ({ page, baseURL }) => {
    if (as) await signInWithPassword(page, as);
    await page.context().addCookies([{ name: "cxb_locale", value: "en", url: `${new URL(baseURL!).origin}/` }]);
    const left: string[] = [];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await lang(page)).toBe("en");
      await page.waitForLoadState("networkidle");
      for (const item of await chineseControls(page)) left.push(`${path}: ${item}`);
    }
    expect(left).toEqual([]);
  });
}
