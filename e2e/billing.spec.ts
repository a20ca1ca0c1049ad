import { expect, test, type Page } from "@playwright/test";
import { GATED_MARKER, aiArticlePath, registerNewReader, submitPasswordForm } from "./support/demo";
import { uniqueAddress } from "./support/addresses";

// Each test registers its own readers; a per-test address keeps the per-IP registration limit out of the way.
test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });

/** Picks a plan on /subscribe, confirms it and pays on the Stripe double's hosted checkout page. */
async function buyPlan(page: Page, planName: RegExp, method: RegExp) {
  await page.goto("/subscribe");
  await page.getByRole("link", { name: planName }).click();
  await expect(page.getByRole("heading", { name: "确认订阅" })).toBeVisible();
  await page.getByRole("button", { name: /前往支付/ }).click();
  await page.waitForURL(/\/pay\//);
  await page.getByRole("button", { name: method }).click();
  await page.waitForURL(/\/subscribe\/success/);
  await expect(page.getByText("订阅已生效")).toBeVisible({ timeout: 20_000 });
}

test("a member subscribes monthly and then reads a subscriber article", async ({ page }) => {
  await registerNewReader(page, "monthly");
  await buyPlan(page, /选择此方案 数字版 · 按月订阅/, /银行卡支付/);
  await page.goto(await aiArticlePath(page));
  await expect(page.getByText(GATED_MARKER)).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("subscription")).toContainText("试读中");
});

test("a prepaid 3-month term bought during an active subscription starts when the subscription ends", async ({ page }) => {
  await registerNewReader(page, "stacking");
  await buyPlan(page, /选择此方案 数字版 · 按月订阅/, /银行卡支付/);
  await buyPlan(page, /选择此方案 数字版 · 3 个月/, /支付宝/);
  await page.goto("/account");
  await page.getByText("阅读权限记录").click();
  const subscription = page.locator('tr[data-source="subscription"]');
  const prepaid = page.locator('tr[data-source="prepaid"]');
  await expect(prepaid).toHaveCount(1);
  // The term is queued: it starts at the very instant the subscription's paid period ends.
  const subscriptionEnds = await subscription.getAttribute("data-ends");
  expect(subscriptionEnds).not.toBe("");
  expect(await prepaid.getAttribute("data-starts")).toBe(subscriptionEnds);
  await expect(prepaid).toBeVisible();
});

test("a subscriber cancels at period end, then resumes", async ({ page }) => {
  await registerNewReader(page, "cancel");
  await buyPlan(page, /选择此方案 数字版 · 按年订阅/, /银行卡支付/);
  await page.goto("/account");
  const subscription = page.getByTestId("subscription");
  await expect(subscription).toContainText("下次续费日");
  await subscription.getByRole("button", { name: /到期后取消/ }).click();
  await subscription.getByRole("button", { name: /确认取消/ }).click();
  await expect(subscription).toContainText("已设置为到期后取消");
  await page.reload();
  await expect(page.getByTestId("subscription")).toContainText("到期后结束,不再续费");
  await page.getByTestId("subscription").getByRole("button", { name: /恢复自动续费/ }).click();
  await expect(page.getByTestId("subscription")).toContainText("已恢复自动续费");
  await page.reload();
  await expect(page.getByTestId("subscription")).toContainText("下次续费日");
});

test("a gift is bought, claimed by another reader, and gives access", async ({ page, browser }) => {
  await registerNewReader(page, "giver");
  const recipientContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const recipient = await recipientContext.newPage();
  const recipientEmail = await registerNewReader(recipient, "receiver");

  await page.goto("/gift");
  await page.getByLabel(/数字版 · 1 个月/).check();
  await page.getByLabel("收礼人邮箱").fill(recipientEmail);
  await page.getByLabel("留言(可选)").fill("祝阅读愉快");
  await page.getByRole("button", { name: /购买礼物/ }).click();
  await page.waitForURL(/\/pay\//);
  await page.getByRole("button", { name: /微信支付/ }).click();
  await page.waitForURL(/\/gift\/sent\/\d+/);
  const link = page.getByTestId("claim-link");
  await expect(link).toBeVisible({ timeout: 20_000 });
  const claimUrl = new URL((await link.textContent())!.trim());

  await recipient.goto(claimUrl.pathname);
  await expect(recipient.getByText("祝阅读愉快")).toBeVisible();
  await recipient.getByRole("button", { name: /领取礼物/ }).click();
  await recipient.waitForURL(/\/account/);
  await expect(recipient.getByText(/订阅有效期至/)).toBeVisible();
  await recipient.goto(await aiArticlePath(recipient));
  await expect(recipient.getByText(GATED_MARKER)).toBeVisible();

  await recipient.goto(claimUrl.pathname);
  await expect(recipient.getByText("这份礼物已经被领取")).toBeVisible();
  await page.reload();
  await expect(page.getByText(`已由 ${recipientEmail}`)).toBeVisible();
  await recipientContext.close();
});

test("an anonymous reader who picks a plan signs in and lands back in checkout", async ({ page }) => {
  await page.goto("/subscribe");
  await page.getByRole("link", { name: /选择此方案 数字版 · 按年订阅/ }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await submitPasswordForm(page, "member@demo.test");
  await expect(page).toHaveURL(/\/subscribe\/checkout\?plan=digital-yearly$/);
  await expect(page.getByText("数字版 · 按年订阅")).toBeVisible();
  await expect(page.getByRole("button", { name: /前往支付/ })).toBeVisible();
});
