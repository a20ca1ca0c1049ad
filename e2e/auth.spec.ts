import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { extractCode, extractLink, readLatestMail } from "./support/mailbox";
import { DEMO_PASSWORD } from "./support/demo";
import { uniqueAddress } from "./support/addresses";

const mailboxDir = () => {
  const dir = process.env.E2E_MAILBOX_DIR;
  if (!dir) throw new Error("E2E_MAILBOX_DIR is not set (playwright.config.ts sets it)");
  return dir;
};

const passwordSection = (page: Page) => page.getByRole("region", { name: /密码登录/ });
const emailSection = (page: Page) => page.getByRole("region", { name: /邮件登录/ });

/** Clicks a submit button and waits for the server action's reply, so repeated attempts cannot overlap. */
async function submit(page: Page, button: ReturnType<Page["getByRole"]>) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login")),
    button.click(),
  ]);
  // React resets the form when the action's transition ends, which is also when the button is enabled
  // again: typing before then would be wiped out.
  await expect(button).toBeEnabled();
}

async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  const form = passwordSection(page);
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("密码", { exact: true }).fill(password);
  await form.getByRole("button", { name: /登录/ }).click();
}

test("a subscriber signs in with the password and sees when the subscription ends", async ({ page }) => {
  await page.goto("/login?next=/account");
  await signInWithPassword(page, "subscriber@demo.test");
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByText("订阅有效期至 2027年12月31日")).toBeVisible();
  await expect(page.getByText("subscriber@demo.test")).toBeVisible();
});

test("a member signs in with a code from the sign-in mail", async ({ page }) => {
  await page.goto("/login");
  const section = emailSection(page);
  const since = new Date();
  await section.getByLabel("邮箱").fill("member@demo.test");
  await section.getByRole("button", { name: "发送登录邮件", exact: true }).click();
  await expect(section.getByText("如果该邮箱已注册")).toBeVisible();

  const mail = await readLatestMail(mailboxDir(), "member@demo.test", { after: since });
  expect(mail.text).toContain("分钟内有效");
  await section.getByLabel("登录码").fill(extractCode(mail.text));
  await section.getByRole("button", { name: /用登录码登录/ }).click();

  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByText("member@demo.test")).toBeVisible();
  await expect(page.getByText("您还没有订阅")).toBeVisible();
});

test("the link in the sign-in mail signs in only after the button is pressed", async ({ page, context }) => {
  await page.goto("/login");
  const section = emailSection(page);
  const since = new Date();
  await section.getByLabel("邮箱").fill("member@demo.test");
  await section.getByRole("button", { name: "发送登录邮件", exact: true }).click();
  await expect(section.getByText("如果该邮箱已注册")).toBeVisible();

  const link = extractLink((await readLatestMail(mailboxDir(), "member@demo.test", { after: since })).text, "/login/email");
  const path = new URL(link).pathname + new URL(link).search;
  await page.goto(path);
  // Opening the link (as a mail scanner would) signs nobody in.
  expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await page.getByRole("button", { name: /确认登录/ }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByText("member@demo.test")).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page.getByRole("button", { name: /确认登录/ })).toHaveCount(0);
  await expect(page.getByText(/已使用|已过期/)).toBeVisible();
});

test("a lapsed reader sees the last day of the old subscription", async ({ page }) => {
  await page.goto("/login?next=/account");
  await signInWithPassword(page, "lapsed@demo.test");
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByText("您的订阅已于 2026年3月31日 到期")).toBeVisible();
  await expect(page.getByRole("link", { name: /续订/ })).toHaveAttribute("href", "/subscribe");
});

test.describe("throttling", () => {
  // Sign-in attempts are also limited per address. This test's own (spoofable, untrusted) address keeps
  // its five failures from locking 127.0.0.1 for every other test running against the same server.
  test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });

  test("five wrong passwords lock the account, and the sixth try names the minutes", async ({ page }) => {
    const email = `nobody-${randomBytes(6).toString("hex")}@demo.test`;
    await page.goto("/login");
    const form = passwordSection(page);
    const button = form.getByRole("button", { name: /登录/ });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await form.getByLabel("邮箱").fill(email);
      await form.getByLabel("密码", { exact: true }).fill(`wrong-password-${attempt}`);
      await submit(page, button);
      await expect(form.getByRole("alert")).toHaveText("邮箱或密码不正确");
    }
    await form.getByLabel("邮箱").fill(email);
    await form.getByLabel("密码", { exact: true }).fill("wrong-password-6");
    await submit(page, button);
    await expect(form.getByRole("alert")).toHaveText(/登录尝试过多.请 1?\d 分钟后再试/);
    await expect(page).toHaveURL(/\/login/);
  });
});

test("an off-site ?next= is ignored after signing in", async ({ page, baseURL }) => {
  await page.goto("/login?next=//evil.example");
  await expect(passwordSection(page).locator('input[name="next"]')).toHaveValue("/");
  await signInWithPassword(page, "subscriber@demo.test");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const landed = new URL(page.url());
  expect(landed.origin).toBe(new URL(baseURL!).origin);
  expect(landed.hostname).not.toBe("evil.example");
  expect(landed.pathname).toBe("/");
});
