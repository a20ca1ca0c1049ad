import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, registerNewReader } from "./support/demo";
import { extractLink, readLatestMail } from "./support/mailbox";

/**
 * Sessions end where the reader says so: "sign out everywhere" and a new
 * password end the sessions on every other device too, though they are JWTs
 * the server does not store. Each test uses a reader of its own.
 */
async function secondDevice(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login?next=/account");
  const form = page.getByRole("region", { name: /密码登录/ });
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("密码", { exact: true }).fill(password);
  await form.getByRole("button", { name: /登录/ }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  return page;
}

/** The account page sends a reader without a (valid) session to sign in. */
async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await page.waitForURL((url) => url.pathname === "/login");
  const me = await page.request.get("/api/me");
  expect(await me.json()).toEqual({ signedIn: false });
}

test("“sign out everywhere” ends the session on another device too", async ({ page, browser }) => {
  const email = await registerNewReader(page, "everywhere");
  const phone = await secondDevice(browser, email);
  await expect(phone.getByText(email)).toBeVisible();

  await page.getByRole("button", { name: /退出所有设备/ }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.getByRole("status").filter({ hasText: "已退出所有设备上的登录" })).toBeVisible();

  // The phone still holds its cookie; the server no longer honours it.
  await expectSignedOut(phone);

  // Signing in again afterwards works as usual.
  const again = await secondDevice(browser, email);
  await expect(again.getByText(email)).toBeVisible();
});

test("a new password ends the sessions signed in with the old one", async ({ page, browser }) => {
  const email = await registerNewReader(page, "newpass");
  const laptop = await secondDevice(browser, email);

  const since = new Date();
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/reset-password");
  await anonymous.getByLabel("注册邮箱").fill(email);
  await anonymous.getByRole("button", { name: "发送重设邮件" }).click();
  const mail = await readLatestMail(process.env.E2E_MAILBOX_DIR!, email, { after: since });
  await anonymous.goto(extractLink(mail.text, "/reset-password/"));
  const newPassword = `${DEMO_PASSWORD}-new`;
  await anonymous.getByLabel("新密码", { exact: true }).fill(newPassword);
  await anonymous.getByLabel("确认新密码").fill(newPassword);
  await anonymous.getByRole("button", { name: "设置新密码" }).click();
  await expect(anonymous.getByText(/所有设备上的登录已退出/)).toBeVisible();

  await expectSignedOut(laptop);
  await expectSignedOut(page);
  const fresh = await secondDevice(browser, email, newPassword);
  await expect(fresh.getByText(email)).toBeVisible();
});
