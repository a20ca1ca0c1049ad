import { expect, test } from "@playwright/test";
import { AI_ARTICLE_TITLE, GATED_MARKER, TEASER_START, aiArticlePath, signInWithPassword } from "./support/demo";

test("an anonymous visitor goes from today's paper to 第1版, follows a hot zone and gets only the teaser", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "财信报", level: 1 })).toBeVisible();
  await expect(page.getByText("总第1253期")).toBeVisible();
  await expect(page.getByText("今日8版")).toBeVisible();
  await expect(page.getByText("国内统一连续出版物号: CN 15-0042")).toBeVisible();

  await page.getByRole("link", { name: /查看第1版版面/ }).click();
  await expect(page).toHaveURL(/\/issues\/2026-04-30\/pages\/1$/);
  await expect(page.getByRole("img", { name: /第1版 要闻/ })).toBeVisible();

  const zone = page.getByRole("group", { name: /版面热区/ }).getByRole("link", { name: AI_ARTICLE_TITLE });
  await zone.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { name: AI_ARTICLE_TITLE })).toBeVisible();
  await expect(page.getByText(TEASER_START)).toBeVisible();
  await expect(page.getByText("本文为订阅内容")).toBeVisible();
  expect(await page.content()).not.toContain(GATED_MARKER);
});

test("a signed-in subscriber reads the whole article", async ({ page }) => {
  await signInWithPassword(page, "subscriber@demo.test");
  const path = await aiArticlePath(page);
  await page.goto(path);
  await expect(page.getByText(GATED_MARKER)).toBeVisible();
  await expect(page.getByText("本文为订阅内容")).toHaveCount(0);
});

test("a lapsed reader sees the teaser and the date their access ended", async ({ page }) => {
  await signInWithPassword(page, "lapsed@demo.test");
  await page.goto(await aiArticlePath(page));
  await expect(page.getByText(TEASER_START)).toBeVisible();
  await expect(page.getByText("您的订阅已于 2026年3月31日 到期")).toBeVisible();
  expect(await page.content()).not.toContain(GATED_MARKER);
});

test("the May 2026 archive marks 5月4日 as 休刊 with its reason and links the issues", async ({ page }) => {
  await page.goto("/archive/2026-05");
  const paused = page.locator('[data-paused="2026-05-04"]');
  await expect(paused).toContainText("休刊");
  await expect(paused).toContainText("劳动节");
  await page.goto("/archive/2026-04");
  await page.getByRole("link", { name: "2026-04-30 总第1253期" }).click();
  await expect(page).toHaveURL(/\/issues\/2026-04-30$/);
});

test("the archive's number box and /issues/no/N lead to the issue", async ({ page }) => {
  await page.goto("/archive/2026-04");
  await page.getByLabel("按期号查找").fill("1251");
  await page.getByRole("button", { name: "前往" }).click();
  await expect(page).toHaveURL(/\/issues\/2026-04-23$/);
});

test("a paused day answers 404 and says why, with links to the nearest issues", async ({ page }) => {
  const response = await page.goto("/issues/2026-05-04");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("missing-day-help")).toContainText("休刊");
  await expect(page.getByRole("link", { name: /总第1253期/ })).toBeVisible();
});
