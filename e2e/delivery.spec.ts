import { expect, test, type Page } from "@playwright/test";
import { addDays, chineseMonthDay, chineseWeekday, datesOfMonth, isoWeekday, shiftMonth, todayInPaperZone } from "../lib/dates";
import { registerNewReader, signInWithPassword } from "./support/demo";
import { uniqueAddress } from "./support/addresses";

// Each test registers its own readers; a per-test address keeps the per-IP registration limit out of the way.
test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });

/**
 * Next month's third Monday to the Thursday after: two publication days, at
 * least two weeks away, so the lead time of two publication days is met
 * whatever day of the month the suite runs on, even if another test pauses
 * the next publication day meanwhile.
 */
function nextMonthHold(today: string): { startsOn: string; endsOn: string } {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const firstMonday = datesOfMonth(shiftMonth({ year, month }, 1)).find((d) => isoWeekday(d) === 1)!;
  const startsOn = addDays(firstMonday, 14);
  return { startsOn, endsOn: addDays(startsOn, 3) };
}

const dayLabel = (iso: string) => `${chineseMonthDay(iso)} ${chineseWeekday(iso)}`;

async function buyPrintPlan(page: Page) {
  await page.goto("/subscribe");
  await page.getByRole("link", { name: /选择此方案 纸质 \+ 数字 · 按年订阅/ }).click();
  await expect(page.getByRole("heading", { name: "确认订阅" })).toBeVisible();
  await page.getByRole("button", { name: /前往支付/ }).click();
  await page.waitForURL(/\/pay\//);
  // The double's hosted page asks for the delivery address, as Stripe Checkout does for print plans.
  await page.getByLabel("收件人 Name").fill("王读者");
  await page.getByLabel("地址 Address", { exact: true }).fill("新华大街 1 号");
  await page.getByLabel("城市 City").fill("呼和浩特");
  await page.getByLabel("邮编 Postal code").fill("010000");
  await page.getByRole("button", { name: /银行卡支付/ }).click();
  await page.waitForURL(/\/subscribe\/success/);
  await expect(page.getByText("订阅已生效")).toBeVisible({ timeout: 20_000 });
}

async function requestHold(page: Page, startsOn: string, endsOn: string) {
  const form = page.locator("form", { has: page.getByLabel("暂停开始日期") });
  await form.getByLabel("暂停开始日期").fill(startsOn);
  await form.getByLabel(/暂停结束日期/).fill(endsOn);
  await form.getByRole("button", { name: /暂停投递/ }).click();
  return form;
}

test("a print subscriber holds delivery for two issues, is refused overlaps and short notice, and staff get it in the CSV", async ({ page, browser }) => {
  const email = await registerNewReader(page, "print");
  await buyPrintPlan(page);

  await page.goto("/account");
  await page.getByRole("link", { name: /暂停投递/ }).click();
  await expect(page).toHaveURL(/\/account\/delivery$/);
  await expect(page.getByText(/数字版不受影响/)).toBeVisible();

  const today = todayInPaperZone();
  const hold = nextMonthHold(today);
  const form = await requestHold(page, hold.startsOn, hold.endsOn);
  await expect(form.getByRole("status")).toContainText(`已暂停投递 ${chineseMonthDay(hold.startsOn)}至${chineseMonthDay(hold.endsOn)},共 2 期`);
  const listed = page.getByTestId("delivery-hold");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(dayLabel(hold.startsOn));
  await expect(listed).toContainText(dayLabel(hold.endsOn));
  await expect(listed).toContainText(/预计总第\d+期/);

  // Overlapping the first hold by one day.
  await requestHold(page, hold.endsOn, addDays(hold.endsOn, 7));
  await expect(form.getByRole("alert")).toContainText("与您已有的暂停投递");
  await expect(form.getByRole("alert")).toContainText("日期重叠");

  // Tomorrow is inside the lead time: the start field says so.
  await requestHold(page, addDays(today, 1), addDays(today, 4));
  await expect(form.getByRole("alert")).toContainText("暂停投递需至少提前 2 个出版日申请");
  await expect(form.getByLabel("暂停开始日期")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("delivery-hold")).toHaveCount(1);

  // The distribution team sees the hold on the page and in the CSV.
  const staff = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const admin = await staff.newPage();
  await signInWithPassword(admin, "admin@demo.test");
  // The list covers 30 days; next month may start further out, so staff pick the first day.
  await admin.goto("/admin/delivery");
  await admin.getByLabel("起始日期").fill(hold.startsOn);
  await admin.getByRole("button", { name: /查看/ }).click();
  const day = admin.locator(`li[data-date="${hold.startsOn}"]`);
  await expect(day).toContainText(email);
  await expect(day).toContainText("新华大街 1 号");
  const csv = await staff.request.get(`/admin/delivery/holds.csv?from=${hold.startsOn}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="delivery-holds-${hold.startsOn}.csv"`);
  const body = (await csv.body()).toString("utf8");
  expect(body.startsWith('\uFEFF"issue_date","issue_number","email"')).toBe(true);
  for (const date of [hold.startsOn, hold.endsOn]) {
    expect(body).toMatch(new RegExp(`"${date}","\\d+","${email}","王读者","新华大街 1 号","呼和浩特","010000","CN","${hold.startsOn}","${hold.endsOn}"`));
  }
  await staff.close();

  // Cancel, after confirming.
  await listed.getByRole("button", { name: /取消暂停/ }).click();
  await listed.getByRole("button", { name: /确认取消/ }).click();
  await expect(listed).toContainText("已取消这次暂停投递");
  await page.reload();
  await expect(page.getByTestId("delivery-hold")).toContainText("已取消");
});

test("a member without a print plan is told why, and the CSV answers 403 to members and 401 to the anonymous", async ({ page, playwright, baseURL }) => {
  await registerNewReader(page, "noprint");
  await expect(page.getByRole("link", { name: /暂停投递/ })).toHaveCount(0);
  await page.goto("/account/delivery");
  await expect(page.getByRole("heading", { name: "仅限纸质版订阅读者" })).toBeVisible();
  await expect(page.getByText(/只适用于「纸质 \+ 数字」订阅/)).toBeVisible();
  await expect(page.getByRole("link", { name: "查看订阅方案" })).toHaveAttribute("href", "/subscribe");

  expect((await page.request.get("/admin/delivery/holds.csv")).status()).toBe(403);
  await page.goto("/admin/delivery");
  await expect(page).toHaveURL(/\/account\?denied=1/);

  const anonymous = await playwright.request.newContext({ baseURL });
  // Without any session cookie the middleware sends a browser to sign in before the route runs…
  const redirected = await anonymous.get("/admin/delivery/holds.csv", { maxRedirects: 0 });
  expect(redirected.status()).toBe(307);
  expect(redirected.headers()["location"]).toContain("/login");
  // …and a cookie that is no session (forged or expired) reaches the route, which answers 401 itself.
  const forged = await anonymous.get("/admin/delivery/holds.csv", { headers: { cookie: "authjs.session-token=forged" }, maxRedirects: 0 });
  expect(forged.status()).toBe(401);
  await anonymous.dispose();
});

test("the archive links the publication calendar, served as iCalendar", async ({ page }) => {
  await page.goto(`/archive/${todayInPaperZone().slice(0, 7)}`);
  const link = page.getByRole("link", { name: /订阅出版日历/ });
  await expect(link).toHaveAttribute("href", "/calendar.ics");
  const feed = await page.request.get("/calendar.ics");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("public, max-age=3600");
  const text = await feed.text();
  expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  expect(text).toContain("财信报出版日历");
  expect(text).toContain("pubday-");
});
