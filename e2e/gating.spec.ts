import { expect, test } from "@playwright/test";
import { GATED_MARKER, aiArticlePath, signInWithPassword } from "./support/demo";

test("page images: 第1版 is public, other pages answer 401 to anonymous readers", async ({ request }) => {
  const front = await request.get("/issues/2026-04-30/pages/1/image");
  expect(front.status()).toBe(200);
  expect(front.headers()["content-type"]).toContain("image/svg+xml");
  expect(front.headers()["x-content-type-options"]).toBe("nosniff");

  const second = await request.get("/issues/2026-04-30/pages/2/image");
  expect([401, 403]).toContain(second.status());
  expect(await second.text()).not.toContain("<svg");
});

test("page images of other pages are served to a subscriber and refused to a member", async ({ page }) => {
  await signInWithPassword(page, "subscriber@demo.test");
  expect((await page.request.get("/issues/2026-04-30/pages/2/image")).status()).toBe(200);
  await page.context().clearCookies();
  await signInWithPassword(page, "member@demo.test");
  expect((await page.request.get("/issues/2026-04-30/pages/2/image")).status()).toBe(403);
});

test("the RSC payload of an article carries no gated text, anonymous or as a member", async ({ page, request }) => {
  const path = await aiArticlePath(page);
  const anonymous = await request.get(path, { headers: { RSC: "1" } });
  expect(anonymous.status()).toBe(200);
  const payload = await anonymous.text();
  expect(payload).toContain("4月23日");
  expect(payload).not.toContain(GATED_MARKER);
  expect(await (await request.get(path)).text()).not.toContain(GATED_MARKER);

  await signInWithPassword(page, "member@demo.test");
  const member = await page.request.get(path, { headers: { RSC: "1" } });
  expect(member.status()).toBe(200);
  expect(await member.text()).not.toContain(GATED_MARKER);
});

test("the article body API gives the rest only to readers with access", async ({ page, request }) => {
  const path = await aiArticlePath(page);
  const api = `/api${path}/body`;
  const anonymous = await request.get(api);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.text()).not.toContain(GATED_MARKER);

  await signInWithPassword(page, "member@demo.test");
  const member = await page.request.get(api);
  expect(member.status()).toBe(403);
  expect(await member.text()).not.toContain(GATED_MARKER);
  await page.context().clearCookies();

  await signInWithPassword(page, "subscriber@demo.test");
  const subscriber = await page.request.get(api);
  expect(subscriber.status()).toBe(200);
  expect(subscriber.headers()["cache-control"]).toContain("no-store");
  expect(await subscriber.text()).toContain(GATED_MARKER);
});

test("anonymous visitors to /account are sent to sign in and come back", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

test("malformed dates, numbers and ids are 404, never 500", async ({ request }) => {
  for (const path of [
    "/issues/2026-02-30",
    "/issues/not-a-date",
    "/issues/2026-04-30/pages/0",
    "/issues/2026-04-30/pages/99",
    "/issues/2026-04-30/pages/abc/image",
    "/issues/no/abc",
    "/issues/no/999999",
    "/articles/abc",
    "/articles/0",
    "/articles/99999999999999",
    "/articles/1%00",
    "/archive/2026-13",
    "/archive/%E2%80%AE",
    "/media/images/abc",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

test("security headers are set on pages", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
