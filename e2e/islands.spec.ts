import { expect, test, type Page } from "@playwright/test";
import { JS_BUDGET_BYTES, servedJsBudget } from "../scripts/js-budget.mjs";
import { AI_ARTICLE_TITLE, GATED_MARKER, aiArticlePath, signInWithPassword } from "./support/demo";

/**
 * Issue 7's budget (≤ 100 KB of JavaScript on `/` and the article): those pages
 * go out without Next's runtime (lib/islands-page.mjs) and their interactive
 * parts are islands (components/islands/).
 */

/** Every script the page fetched, by path. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

const hasNextRuntime = (page: Page) => page.evaluate(() => "next" in window);

test("`/` and the article load no Next runtime and stay within 100 KB of JavaScript, signed in or not", async ({ page, baseURL }) => {
  const article = await aiArticlePath(page);
  const anonymous = await servedJsBudget(baseURL!, [
    { label: "/", path: "/" },
    { label: "article", path: article },
  ]);
  await signInWithPassword(page, "subscriber@demo.test");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const subscriber = await servedJsBudget(baseURL!, [{ label: "article (subscriber)", path: article, headers: { cookie } }]);
  for (const row of [...anonymous.rows, ...subscriber.rows]) {
    expect(row.scripts, row.route).toBe(1);
    expect(row.gzipBytes, row.route).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  }

  const scripts = scriptRequests(page);
  await page.goto(article);
  await expect(page.getByText(GATED_MARKER)).toBeVisible();
  expect(scripts.filter((path) => path.startsWith("/_next/static/chunks/"))).toEqual([]);
  expect(scripts.filter((path) => path.startsWith("/_next/static/islands/"))).toHaveLength(1);
  expect(await hasNextRuntime(page)).toBe(false);
  // The header's account island knows the reader.
  await expect(page.getByRole("banner").getByRole("link", { name: "我的账户" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeHidden();
});

test("pages that hydrate start the same islands from React: an article reached by a client-side link works", async ({ page }) => {
  await signInWithPassword(page, "subscriber@demo.test", "/account");
  await page.goto("/issues/2026-04-30");
  expect(await hasNextRuntime(page)).toBe(true);
  await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));
  await page.getByRole("link", { name: AI_ARTICLE_TITLE }).first().click();
  await page.waitForURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: AI_ARTICLE_TITLE })).toBeVisible();
  // No full load happened: React rendered the article, and its islands started after it.
  expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
  await expect(page.getByText(GATED_MARKER)).toBeVisible();
  const tools = page.getByRole("region", { name: /阅读设置/ });
  await tools.getByRole("button", { name: "大", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "large");
  await expect(tools.getByRole("button", { name: "大", exact: true })).toHaveAttribute("aria-pressed", "true");
  await tools.getByRole("button", { name: "标准", exact: true }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-font-size", /./);
});
