import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "caixin-demo-2026";
export const AI_ARTICLE_TITLE = "内蒙古全面推动人工智能赋能千行百业";
/** A sentence from the subscriber-only AI article, after its first paragraph: gated text. */
export const GATED_MARKER = "内蒙古将聚焦三大目标,推动人工智能发展迈上新台阶。";
export const TEASER_START = "4月23日,内蒙古自治区人民政府新闻办举行新闻发布会";

/** Fills and sends the password form of the sign-in page that is open. */
export async function submitPasswordForm(page: Page, email: string) {
  const form = page.locator("form", { has: page.getByLabel("密码", { exact: true }) });
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: /登录/ }).click();
}

/** Signs in through the real password form and waits until `next` shows. */
export async function signInWithPassword(page: Page, email: string, next = "/account") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await submitPasswordForm(page, email);
  await page.waitForURL((url) => url.pathname === next);
}

/** A free article of 第1版 (a photo with its caption). */
export const FREE_ARTICLE_TITLE = "“五一”临近 旅游升温";

/** The id of the AI article, read from the issue page like a reader would find it. */
export async function aiArticlePath(page: Page): Promise<string> {
  return articlePath(page, AI_ARTICLE_TITLE);
}

/** The path of an article of the 2026-04-30 issue, found by its title on the issue page. */
export async function articlePath(page: Page, title: string): Promise<string> {
  await page.goto("/issues/2026-04-30");
  const link = page.getByRole("link", { name: title }).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/articles\/\d+$/);
  return href!;
}

/**
 * Registers a brand-new reader through the real form and leaves them signed
 * in, so tests that buy things never change the shared demo accounts.
 */
export async function registerNewReader(page: Page, label: string): Promise<string> {
  const email = `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@demo.test`;
  await page.goto("/register");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("确认密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /注册/ }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  return email;
}
