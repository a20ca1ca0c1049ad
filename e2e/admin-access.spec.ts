import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInWithPassword } from "./support/demo";
import { appRoutes, invokeAction, serverActions, type ServerAction } from "./support/server-actions";

/**
 * The staff area refuses everyone else on the server, whatever the UI shows:
 * every server action under app/admin is called directly (a POST with its
 * action id and no UI), and every /admin route is requested, as an anonymous
 * visitor, a member and an editor. The list comes from the build itself, so a
 * new action or route is covered without touching this file.
 */
const SIGN_IN_REQUIRED = "请先登录";
const FORBIDDEN = "您没有权限执行此操作";
/** Admin-only folders: readers, staff, settings and the audit log. */
const ADMIN_ONLY = /^app\/admin\/(readers|staff|settings|audit)\//;

const adminActions = serverActions().filter((a) => a.filename.startsWith("app/admin/"));
const label = (a: ServerAction) => `${a.filename}#${a.exportedName}`;

async function signedInRequest(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithPassword(page, email);
  return context.request;
}

test("the build has the admin actions this suite is meant to cover", () => {
  expect(adminActions.length).toBeGreaterThan(8);
  expect(adminActions.map(label)).toEqual(expect.arrayContaining(["app/admin/issues/actions.ts#publishIssueAction"]));
});

test("every admin server action refuses anonymous callers and members, before looking at the form", async ({ playwright, browser }) => {
  const baseURL = test.info().project.use.baseURL;
  const anonymous = await playwright.request.newContext({ baseURL });
  // A made-up session cookie gets past the middleware's optimistic check, so the action itself must refuse.
  const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "authjs.session-token=forged.jwt.value" } });
  const member = await signedInRequest(browser, "member@demo.test");
  for (const action of adminActions) {
    const asAnonymous = await invokeAction(anonymous, action, { id: "1" });
    expect(asAnonymous.response.headers().location ?? asAnonymous.text, `${label(action)} as anonymous`).toMatch(/^\/login\?next=|请先登录/);
    const asForged = await invokeAction(forged, action, { id: "1" });
    expect(asForged.text, `${label(action)} with a forged session cookie`).toMatch(new RegExp(`${SIGN_IN_REQUIRED}|${FORBIDDEN}`));
    const asMember = await invokeAction(member, action, { id: "1" });
    expect(asMember.text, `${label(action)} as member`).toContain(FORBIDDEN);
  }
});

test("editors are refused every admin-only action, and reach the others (which then check the form)", async ({ browser }) => {
  const editor = await signedInRequest(browser, "editor@demo.test");
  const adminOnly = adminActions.filter((a) => ADMIN_ONLY.test(a.filename));
  const editorial = adminActions.filter((a) => !ADMIN_ONLY.test(a.filename));
  expect(editorial.length).toBeGreaterThan(0);
  for (const action of adminOnly) {
    const { text } = await invokeAction(editor, action, {});
    expect(text, `${label(action)} as editor`).toContain(FORBIDDEN);
  }
  // The control: the same call as an editor gets past the role check, so the refusals above are real.
  for (const action of editorial) {
    const { text } = await invokeAction(editor, action, {});
    expect(text, `${label(action)} as editor`).not.toContain(FORBIDDEN);
    expect(text, `${label(action)} as editor`).not.toContain(SIGN_IN_REQUIRED);
  }
});

test("members get a redirect or 401/403 on every /admin route, and never its content", async ({ browser }) => {
  const member = await signedInRequest(browser, "member@demo.test");
  const origin = test.info().project.use.baseURL!;
  const routes = appRoutes().filter((r) => r.startsWith("/admin"));
  expect(routes.length).toBeGreaterThan(5);
  const refused = [302, 303, 307, 308, 401, 403];
  for (const route of routes) {
    const url = route.replace(/\/(page|route)$/, "").replace(/\[[^\]]+\]/g, "1") || "/admin";
    if (route.endsWith("/page")) {
      const response = await member.get(url, { maxRedirects: 0 });
      expect(refused, `GET ${url} → ${response.status()}`).toContain(response.status());
      if (response.status() < 400) expect(response.headers().location, url).toMatch(/\/account\?denied=1|\/login/);
      expect(await response.text(), url).not.toContain("编辑后台 Admin");
      continue;
    }
    // A route handler answers only the methods it has (405 for the others); each one it has must refuse a member.
    const answers = [];
    for (const method of ["GET", "POST"] as const) {
      const response = await member.fetch(url, { method, maxRedirects: 0, headers: { origin } });
      answers.push(response.status());
      expect([...refused, 405], `${method} ${url} → ${response.status()}`).toContain(response.status());
    }
    expect(answers.some((status) => status !== 405), `${url} answers neither GET nor POST`).toBe(true);
  }
});
