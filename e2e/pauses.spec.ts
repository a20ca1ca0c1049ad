import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { addDays, chineseMonthDay, chineseWeekday, isoWeekday, todayInPaperZone } from "../lib/dates";
import { signInWithPassword } from "./support/demo";

/**
 * 休刊 end to end: staff enter a pause and readers see it at once (banner,
 * archive, the next-issue line on `/`), members are refused, bad input gets
 * field errors. Other files read `/` in parallel, so the pause is on the next
 * publication day only for the length of one test and is deleted through the
 * UI at the end, whatever happens in between.
 */
const WEEKDAYS = [1, 4]; // the demo paper: Monday and Thursday
const publicationDayFrom = (date: string) => {
  let d = date;
  while (!WEEKDAYS.includes(isoWeekday(d))) d = addDays(d, 1);
  return d;
};
const unique = (label: string) => `${label}${Date.now().toString(36).slice(-5)}`;

/** A fresh context: nothing cached from earlier pages (the banner JSON may be kept a minute). */
async function readerPage(browser: Browser, info: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

/** Reloads until the expectation holds: revalidation is immediate, but the first render may still be in flight. */
async function eventually(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] });
}

async function fillPause(page: Page, fields: { startsOn: string; endsOn?: string; reason: string }) {
  await page.getByLabel("休刊开始日期").fill(fields.startsOn);
  if (fields.endsOn) await page.getByLabel("休刊结束日期").fill(fields.endsOn);
  await page.getByLabel("休刊原因").fill(fields.reason);
}

async function deletePauseNamed(page: Page, reason: string) {
  await page.goto("/admin/pauses");
  const edit = page.getByRole("link", { name: new RegExp(`^编辑 .*${reason}$`) });
  if ((await edit.count()) === 0) return;
  await edit.click();
  await page.getByRole("button", { name: "删除这条休刊…" }).click();
  const confirm = page.getByRole("button", { name: "确认删除" });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await page.waitForURL((url) => url.pathname === "/admin/pauses" && url.searchParams.has("deleted"));
  await expect(page.getByRole("status").filter({ hasText: `已删除休刊(${reason})` })).toBeVisible();
}

test("an editor pauses the next publication day: banner, archive and 下一期 follow at once", async ({ page, browser }, info) => {
  const today = todayInPaperZone();
  const day = publicationDayFrom(today);
  const following = publicationDayFrom(addDays(day, 1));
  const reason = unique("测试休刊");

  await signInWithPassword(page, "editor@demo.test", "/admin/pauses");
  await page.getByRole("link", { name: /登记休刊/ }).click();
  await fillPause(page, { startsOn: day, reason });
  await page.getByRole("button", { name: "生成公告草稿" }).click();
  await expect(page.getByLabel("休刊公告")).toHaveValue(new RegExp(`^因${reason},本报决定.+休刊,.+恢复出报工作。`));
  await page.getByRole("button", { name: /保存休刊/ }).click();

  try {
    await page.waitForURL(/\/admin\/pauses\/\d+\?saved=created$/);
    await expect(page.getByRole("status").filter({ hasText: "休刊已登记" })).toBeVisible();

    const reader = await readerPage(browser, info);
    await reader.goto("/");
    const when = day === today ? "今日" : chineseMonthDay(day);
    const banner = reader.getByRole("region", { name: /休刊通知/ });
    await expect(banner).toContainText(`本报${when}休刊(${reason}),${chineseMonthDay(following)}恢复出报。`);
    await expect(banner).toContainText(`下一期:${chineseMonthDay(following)} ${chineseWeekday(following)}`);

    const schedule = reader.getByRole("complementary", { name: /出版安排/ });
    await eventually(reader, () =>
      expect(schedule).toContainText(`下一期:${chineseMonthDay(following)} ${chineseWeekday(following)}(总第1254期)`, { timeout: 1_000 }),
    );
    await expect(schedule).toContainText(reason);

    await reader.goto(`/archive/${day.slice(0, 7)}`);
    const cell = reader.locator(`[data-paused="${day}"]`);
    await eventually(reader, () => expect(cell).toContainText(reason, { timeout: 1_000 }));
    await expect(cell).toContainText("休刊");

    // Closing the banner keeps it closed for the session.
    await reader.goto("/");
    await banner.getByRole("button", { name: "关闭休刊通知" }).click();
    await expect(banner).toHaveCount(0);
    await reader.goto(`/archive/${day.slice(0, 7)}`);
    await expect(reader.locator(`[data-paused="${day}"]`)).toBeVisible();
    await expect(banner).toHaveCount(0);

    await deletePauseNamed(page, reason);
    await reader.goto("/");
    await eventually(reader, () =>
      expect(schedule).toContainText(`下一期:${chineseMonthDay(day)} ${chineseWeekday(day)}(总第1254期)`, { timeout: 1_000 }),
    );
    await expect(schedule).not.toContainText(reason);
    await reader.context().close();
  } finally {
    await deletePauseNamed(page, reason);
  }
});

test("members are sent away from /admin, and the pause form refuses their posts", async ({ page, browser }, info) => {
  await signInWithPassword(page, "member@demo.test");
  await page.goto("/admin/pauses");
  await expect(page).toHaveURL(/\/account\?denied=1$/);
  await expect(page.getByText("您的账户没有权限访问刚才的页面。")).toBeVisible();
  const memberCookies = await page.context().cookies();

  // An editor's form, posted with the member's session: the server action itself must refuse.
  const editor = await readerPage(browser, info);
  await signInWithPassword(editor, "editor@demo.test", "/admin/pauses/new");
  const editorCookies = await editor.context().cookies();
  const reason = unique("越权");
  await fillPause(editor, { startsOn: addDays(todayInPaperZone(), 300), reason });
  await editor.context().clearCookies();
  await editor.context().addCookies(memberCookies);
  await editor.getByRole("button", { name: /保存休刊/ }).click();
  await expect(editor.locator("form").getByRole("alert")).toHaveText("您没有权限执行此操作");

  await editor.context().clearCookies();
  await editor.context().addCookies(editorCookies);
  await editor.goto("/admin/pauses");
  await expect(editor.getByRole("heading", { name: /休刊管理/ })).toBeVisible();
  await expect(editor.getByText(reason)).toHaveCount(0);
  await editor.context().close();
});

test("bad input gets field errors and saves nothing", async ({ page }) => {
  const start = addDays(todayInPaperZone(), 200);
  const reason = unique("错误输入");
  await signInWithPassword(page, "editor@demo.test", "/admin/pauses/new");

  await fillPause(page, { startsOn: start, endsOn: addDays(start, -2), reason });
  await page.getByRole("button", { name: /保存休刊/ }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("请检查填写的内容");
  await expect(page.getByLabel("休刊结束日期")).toHaveAccessibleDescription(/结束日期不能早于开始日期/);
  await expect(page.getByLabel("休刊结束日期")).toHaveAttribute("aria-invalid", "true");

  // A browser without a date picker sends whatever was typed.
  const startField = page.getByLabel("休刊开始日期");
  await startField.evaluate((input: HTMLInputElement) => (input.type = "text"));
  await startField.fill("2026-02-30");
  await page.getByLabel("休刊结束日期").fill("");
  await page.getByRole("button", { name: /保存休刊/ }).click();
  await expect(page.getByLabel("休刊开始日期")).toHaveAccessibleDescription(/请填写有效日期/);
  expect(new URL(page.url()).pathname).toBe("/admin/pauses/new");

  await page.goto("/admin/pauses");
  await expect(page.getByText(reason)).toHaveCount(0);
});
