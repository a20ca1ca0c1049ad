import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./support/demo";

test("an editor sees the schedule and a change starting today is refused with a field error", async ({ page }) => {
  await signInWithPassword(page, "editor@demo.test", "/admin/schedule");
  await expect(page.getByText("目前每周一、周四出版。")).toBeVisible();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  await page.getByLabel("生效日期").fill(today);
  await page.getByRole("button", { name: "保存日程变更" }).click();
  await expect(page.getByText("新日程最早从明天起生效").first()).toBeVisible();
  await expect(page.getByText("没有日程变更。")).toBeVisible();
});

test("a member cannot open the schedule page", async ({ page }) => {
  await signInWithPassword(page, "member@demo.test");
  await page.goto("/admin/schedule");
  await expect(page).not.toHaveURL(/\/admin\/schedule/);
});
