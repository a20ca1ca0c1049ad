import { expect, test, type Browser, type Page } from "@playwright/test";
import { AI_ARTICLE_TITLE, GATED_MARKER, registerNewReader, signInWithPassword } from "./support/demo";

/**
 * Metered free articles, as readers meet them: an admin lets anonymous devices
 * and members read two subscriber-only articles a month; an anonymous browser
 * and a new member each read two in full, and the third shows the wall, with
 * the third's gated text in no page and no response they received. Metering is
 * a site-wide setting, so this runs in the serial staff-journeys project and
 * switches it off again at the end: the other journeys expect it off.
 */
const FIRST = { title: "春耕备耕进入关键期 农资供应总体平稳", gated: "在一家种植合作社的仓库里,成袋的种子和肥料码放整齐。" };
const SECOND = { title: "社区食堂扩面提质 老年助餐更便利", gated: "记者了解到,近年来各地通过“中央厨房+社区配送”" };

async function setMetering(browser: Browser, anonymous: number, members: number) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInWithPassword(admin, "admin@demo.test", "/admin/settings");
  await admin.getByLabel("未登录读者每月免费篇数").fill(String(anonymous));
  await admin.getByLabel("注册读者每月免费篇数").fill(String(members));
  await admin.getByRole("button", { name: /保存免费阅读设置/ }).click();
  await expect(admin.getByRole("status").filter({ hasText: /免费阅读设置已保存|没有改动/ })).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("未登录读者每月免费篇数")).toHaveValue(String(anonymous));
  await expect(admin.getByLabel("注册读者每月免费篇数")).toHaveValue(String(members));
  await context.close();
}

/** Every response body this page receives, to prove gated text never reached the browser. */
function recordResponses(page: Page): () => Promise<string> {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => bodies.push(response.text().catch(() => "")));
  return async () => (await Promise.all(bodies)).join("\n");
}

async function articlePaths(page: Page): Promise<Record<"first" | "second" | "ai", string>> {
  await page.goto("/issues/2026-04-30");
  const hrefOf = async (title: string) => {
    const href = await page.getByRole("link", { name: title }).first().getAttribute("href");
    expect(href).toMatch(/^\/articles\/\d+$/);
    return href!;
  };
  return { first: await hrefOf(FIRST.title), second: await hrefOf(SECOND.title), ai: await hrefOf(AI_ARTICLE_TITLE) };
}

test.afterAll(async ({ browser }) => {
  await setMetering(browser, 0, 0);
});

test("with two free articles a month, anonymous readers and members read two in full and then meet the wall", async ({ browser }) => {
  test.setTimeout(180_000);
  // With metering off, the cached anonymous page is the teaser and paywall; saving the setting must re-render it.
  const anonymous = await (await browser.newContext()).newPage();
  const paths = await articlePaths(anonymous);
  await anonymous.goto(paths.first);
  await expect(anonymous.getByRole("region", { name: /订阅提示/ })).toBeVisible();
  await setMetering(browser, 2, 2);

  // An anonymous browser: counted on the device.
  const anonymousBodies = recordResponses(anonymous);

  await anonymous.goto(paths.first);
  await expect(anonymous.getByText(FIRST.gated)).toBeVisible();
  await expect(anonymous.getByTestId("meter-notice")).toContainText("本月还可免费阅读 1 篇订阅文章(共 2 篇)");
  await anonymous.goto(paths.second);
  await expect(anonymous.getByText(SECOND.gated)).toBeVisible();
  await expect(anonymous.getByTestId("meter-notice")).toContainText("这是您本月最后一篇免费文章");

  await anonymous.goto(paths.ai);
  const wall = anonymous.getByTestId("meter-wall");
  await expect(wall).toContainText("您本月的 2 篇免费文章已读完");
  await expect(wall).toContainText("注册后每月可再免费阅读 2 篇");
  const next = encodeURIComponent(paths.ai);
  await expect(wall.getByRole("link", { name: /免费注册/ })).toHaveAttribute("href", `/register?next=${next}`);
  await expect(wall.getByRole("link", { name: /登录/ })).toHaveAttribute("href", `/login?next=${next}`);
  await expect(wall.getByRole("link", { name: /订阅/ })).toHaveAttribute("href", "/subscribe");
  await expect(anonymous.getByText(GATED_MARKER)).toHaveCount(0);
  expect(await anonymous.content()).not.toContain(GATED_MARKER);

  // Rereading a counted article is free; the API itself refuses the third, and sets the cookie for its own path only.
  await anonymous.goto(paths.first);
  await expect(anonymous.getByText(FIRST.gated)).toBeVisible();
  const direct = await anonymous.request.get(`/api${paths.ai}/body`);
  expect(direct.status()).toBe(401);
  expect(await direct.text()).not.toContain(GATED_MARKER);
  const meterCookie = (await anonymous.context().cookies()).find((c) => c.name === "cxb_meter");
  expect(meterCookie).toMatchObject({ path: "/api/articles", httpOnly: true });
  expect(await anonymousBodies()).not.toContain(GATED_MARKER);
  await anonymous.context().close();

  // A member who just registered: counted on the server.
  const member = await (await browser.newContext()).newPage();
  await registerNewReader(member, "metered");
  const memberBodies = recordResponses(member);
  await member.goto(paths.first);
  await expect(member.getByText(FIRST.gated)).toBeVisible();
  await expect(member.getByTestId("meter-notice")).toContainText("本月还可免费阅读 1 篇订阅文章(共 2 篇)");
  await member.goto(paths.second);
  await expect(member.getByText(SECOND.gated)).toBeVisible();
  await member.goto(paths.ai);
  const memberWall = member.getByTestId("meter-wall");
  await expect(memberWall).toContainText("您本月的 2 篇免费文章已读完");
  await expect(memberWall.getByRole("link", { name: /订阅/ })).toHaveAttribute("href", "/subscribe");
  await expect(memberWall.getByRole("link", { name: /免费注册/ })).toHaveCount(0);
  // Clearing the device's cookies changes nothing for a member: the count is on the server.
  await member.context().clearCookies({ name: "cxb_meter" });
  expect((await member.request.get(`/api${paths.ai}/body`)).status()).toBe(403);
  expect(await member.content()).not.toContain(GATED_MARKER);
  expect(await memberBodies()).not.toContain(GATED_MARKER);
  await member.context().close();

  // Off again: the anonymous page is the plain teaser and subscribe prompt, and asks the API nothing.
  await setMetering(browser, 0, 0);
  const later = await (await browser.newContext()).newPage();
  const asked: string[] = [];
  later.on("request", (request) => {
    if (request.url().includes("/body")) asked.push(request.url());
  });
  await later.goto(paths.first);
  await expect(later.getByRole("region", { name: /订阅提示/ })).toBeVisible();
  await expect(later.getByText(FIRST.gated)).toHaveCount(0);
  expect(asked).toEqual([]);
  await later.context().close();
});
