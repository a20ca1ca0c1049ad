import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import {
  ACTION_TABLE,
  ROLE_EMAIL,
  ROLES,
  ROUTE_TABLE,
  TRICK_ACTIONS,
  TRICK_ROUTES,
  TRICKY_HEADERS,
  isActionAllowed,
  isAllowed,
  readsGated,
  type ActionRow,
  type Demo,
  type MatrixRole,
  type RouteRow,
} from "./support/access-table";
import { FREE_ARTICLE_TITLE, GATED_MARKER, aiArticlePath, articlePath, registerNewReader, signInWithPassword } from "./support/demo";
import { appRoutes, invokeAction, serverActions, type ServerAction } from "./support/server-actions";

/**
 * The access matrix (issue 8): every route of the build (pages with and
 * without `RSC: 1`, route handlers, files) and every server action, as each
 * role, against the decision in e2e/support/access-table.ts. A route or action
 * without a row there fails, and so does a row the build no longer has. Gated
 * text is detected by content (GATED_MARKER), not by status; the body API is
 * the control that shows the marker does reach those who may read it.
 *
 * Nothing here changes shared data: every allowed action call carries a form
 * that validation refuses, the actions no form can refuse are called from a
 * copy of the session or as a throwaway reader (or, for one, not as an admin:
 * see the table), and the requests only read.
 */
const SIGN_IN_REQUIRED = "请先登录";
const FORBIDDEN = "您没有权限执行此操作";
/** The admin layout's navigation, present on every staff page it renders. */
const STAFF_CONTENT = "编辑后台 Admin";
const SENT_AWAY = /^(\/|https?:\/\/[^/]+\/)(login(\?|$)|account\?denied=1)/;
/** The heading of app/not-found.tsx. */
const NOT_FOUND_TEXT = "没有找到这一页 Page not found";
const TO_LOGIN = /^(\/|https?:\/\/[^/]+\/)login(\?|$)/;

const builtRoutes = appRoutes();
const builtActions = serverActions();
const label = (a: ServerAction) => `${a.filename}#${a.exportedName}`;
const isPage = (route: string) => route.endsWith("/page");

type World = { as: Record<MatrixRole, APIRequestContext>; demo: Demo; origin: string; browser: Browser };
let world: World;

const stats = { routeCells: 0, rscCells: 0, actionCells: 0, trickCells: 0, notCalled: [] as string[], leaks: [] as string[], problems: 0 };

test.beforeAll(async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const origin = test.info().project.use.baseURL!;
  const anonymous = await playwright.request.newContext({ baseURL: origin });
  const signedIn = await Promise.all(
    (Object.entries(ROLE_EMAIL) as [Exclude<MatrixRole, "anonymous">, string][]).map(async ([role, email]) => {
      const context = await browser.newContext();
      await signInWithPassword(await context.newPage(), email);
      return [role, context.request] as const;
    }),
  );
  const as = { anonymous, ...Object.fromEntries(signedIn) } as Record<MatrixRole, APIRequestContext>;
  world = { as, demo: await discover(browser, as), origin, browser };
});

test.afterAll(() => {
  const cells = stats.routeCells + stats.rscCells + stats.actionCells + stats.trickCells;
  console.log(
    `access matrix: ${cells} cells checked (routes ${stats.routeCells}, RSC ${stats.rscCells}, actions ${stats.actionCells}, header tricks ${stats.trickCells}); ` +
      `leaks ${stats.leaks.length}; other problems ${stats.problems - stats.leaks.length}` +
      (stats.notCalled.length ? `; not called on purpose: ${stats.notCalled.join(", ")}` : ""),
  );
  for (const leak of stats.leaks) console.log(`  LEAK ${leak}`);
});

/** Real ids of the demo paper, found the way a reader or an editor would. */
async function discover(browser: Browser, as: Record<MatrixRole, APIRequestContext>): Promise<Demo> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const idOf = (path: string) => Number(path.split("/").pop());
  const aiArticleId = idOf(await aiArticlePath(page));
  const freeArticleId = idOf(await articlePath(page, FREE_ARTICLE_TITLE));
  await context.close();

  const html = async (role: MatrixRole, url: string) => {
    const response = await as[role].get(url);
    expect(response.status(), `discovery: GET ${url} as ${role}`).toBe(200);
    return response.text();
  };
  const first = (text: string, pattern: RegExp, what: string) => {
    const match = pattern.exec(text);
    expect(match, `discovery: ${what}`).not.toBeNull();
    return match![1]!;
  };
  const freeImageId = Number(first(await html("anonymous", `/articles/${freeArticleId}`), /\/media\/images\/(\d+)/, "the free article's photo"));

  // The admin id of the 2026-04-30 issue: the listed issue whose page links the AI article.
  const listed = [...new Set([...(await html("admin", "/admin/issues")).matchAll(/\/admin\/issues\/(\d+)/g)].map((m) => Number(m[1])))];
  let issueId = 0;
  for (const id of listed) {
    if ((await html("admin", `/admin/issues/${id}`)).includes(`/admin/issues/${id}/articles/${aiArticleId}`)) {
      issueId = id;
      break;
    }
  }
  expect(issueId, "discovery: the admin id of the 2026-04-30 issue").toBeGreaterThan(0);
  const photoId = Number(first(await html("admin", `/admin/issues/${issueId}/articles/${freeArticleId}`), /\/photos\/(\d+)/, "the free article's photo in the editor"));
  // The preview serves any photo of the issue by the same id (its page lists photos of drafts only).
  const previewImageId = photoId;
  const qrId = Number(first(await html("admin", "/admin/qr"), /\/admin\/qr\/(\d+)/, "a QR code"));
  const qrCode = first(await html("admin", `/admin/qr/${qrId}`), /\/q\/([2-9A-Z]{4,12})\b/, "the QR code's short address");
  const pauseId = Number(first(await html("admin", "/admin/pauses"), /\/admin\/pauses\/(\d+)/, "a pause"));
  const readerId = first(await html("admin", "/admin/readers"), /\/admin\/readers\/(?!import|export)([\w-]+)"/, "a reader");
  return { date: "2026-04-30", month: "2026-04", issueNumber: 1253, aiArticleId, freeArticleId, freeImageId, issueId, photoId, previewImageId, qrId, qrCode, pauseId, readerId };
}

type Answer = { status: number; location: string; contentType: string; body: Buffer; text: string; actionRedirect: string; csp: string };

async function read(response: APIResponse): Promise<Answer> {
  const body = await response.body();
  const headers = response.headers();
  return {
    status: response.status(),
    location: headers.location ?? "",
    contentType: headers["content-type"] ?? "",
    body,
    text: body.toString("utf8"),
    actionRedirect: headers["x-action-redirect"] ?? "",
    csp: headers["content-security-policy"] ?? "",
  };
}

async function request(role: MatrixRole, row: RouteRow, rsc: boolean, extra: Record<string, string> = {}): Promise<Answer> {
  const url = row.url(world.demo);
  const headers = { ...extra, ...(rsc ? { RSC: "1" } : {}) };
  if (row.method === "POST") return read(await world.as[role].post(url, { headers: { origin: world.origin, ...headers }, maxRedirects: 0 }));
  const answer = await read(await world.as[role].get(url, { headers, maxRedirects: 0 }));
  // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect to the same address with it.
  if (rsc && answer.status === 307 && /[?&]_rsc\b/.test(answer.location) && answer.location.startsWith(url.split("?")[0]!)) {
    return read(await world.as[role].get(answer.location, { headers, maxRedirects: 0 }));
  }
  return answer;
}

const redirected = (a: Answer) => a.status >= 300 && a.status < 400;
/** An RSC request answered with a redirect inside the payload rather than a status. */
const rscRedirect = (a: Answer) => a.status === 200 && /NEXT_REDIRECT/.test(a.text);
/** An RSC request answered with the not-found page inside a 200 payload (app/not-found.tsx). */
const rscNotFound = (a: Answer) => a.status === 200 && a.text.includes(NOT_FOUND_TEXT);

/** The problems of one cell; a leak is protected content in an answer to someone the table refuses. */
function judgeRoute(route: string, row: RouteRow, role: MatrixRole, answer: Answer, rsc: boolean, allowed = isAllowed(row.rule, role)): string[] {
  const where = `${role} → ${row.method ?? "GET"} ${row.url(world.demo)}${rsc ? " (RSC)" : ""} [${route}]: ${answer.status}${answer.location ? ` → ${answer.location}` : ""}`;
  const problems: string[] = [];
  const leak = (what: string) => {
    stats.leaks.push(`${where}: ${what}`);
    problems.push(`LEAK ${where}: ${what}`);
  };
  if (answer.status >= 500) problems.push(`${where}: server error`);
  if (!readsGated(role) && answer.text.includes(GATED_MARKER)) leak("gated text in the answer");

  if (allowed) {
    const page = isPage(route);
    const fine =
      row.rule === "public"
        ? (answer.status >= 200 && answer.status < 400) || (row.allowStatus ?? []).includes(answer.status)
        : row.allowStatus
          ? row.allowStatus.includes(answer.status)
          : page
            ? answer.status === 200
            : answer.status >= 200 && answer.status < 300;
    if (!fine) problems.push(`${where}: refused or unexpected status, though the table allows ${role}`);
    if (redirected(answer) && SENT_AWAY.test(answer.location) && row.rule !== "public") problems.push(`${where}: sent away, though the table allows ${role}`);
    if (rscRedirect(answer) && /\/login|denied=1/.test(answer.text) && row.rule !== "public") problems.push(`${where}: RSC redirect away, though the table allows ${role}`);
    if (answer.status === 200 && row.contentType && !row.contentType.test(answer.contentType)) problems.push(`${where}: content type ${answer.contentType}`);
    if (answer.status === 200 && row.contentType && answer.body.length === 0) problems.push(`${where}: empty body`);
    // An image opened on its own (an uploaded SVG, say) must not run as a page (lib/security-headers.ts).
    if (answer.status === 200 && /^image\//.test(answer.contentType) && !/(?:^|;)\s*sandbox\b/.test(answer.csp)) problems.push(`${where}: image served without the sandbox policy (${answer.csp})`);
    if (row.gated && readsGated(role) && !answer.text.includes(GATED_MARKER)) problems.push(`${where}: no gated text for a role that may read it (the control failed)`);
    if (row.staffContent && answer.status === 200 && !rsc && !answer.text.includes(STAFF_CONTENT)) problems.push(`${where}: no staff page content`);
    return problems;
  }

  // Refused: sent to sign in (or away from the staff area), or a 4xx; and nothing protected in the answer.
  const refusedStatus =
    (redirected(answer) && (row.rule === "nobody" ? true : role === "anonymous" ? TO_LOGIN.test(answer.location) : SENT_AWAY.test(answer.location))) ||
    [401, 403, 404].includes(answer.status) ||
    (row.rule === "nobody" && answer.status >= 400 && answer.status < 500) ||
    (rsc && (rscRedirect(answer) || rscNotFound(answer)));
  if (!refusedStatus) problems.push(`${where}: not refused, though the table refuses ${role}`);
  // The staff area's chrome (its menus, and the staff catalogs its client components translate with) is
  // for staff: an editor refused an admin-only page may still get it; the page's refusal is checked above.
  if (row.staffContent && !isAllowed("staff", role) && answer.text.includes(STAFF_CONTENT)) leak("staff page content");
  if (row.contentType && answer.status < 300 && row.contentType.test(answer.contentType) && answer.body.length > 0) leak(`${answer.contentType} bytes`);
  if (answer.body.subarray(0, 5).toString() === "%PDF-") leak("PDF bytes");
  if (answer.status >= 200 && answer.status < 300 && !(rsc && (rscRedirect(answer) || rscNotFound(answer))) && row.rule !== "nobody") leak("a 2xx answer with content");
  return problems;
}

/**
 * The action's own answer is a refusal: its returned state's error. (The page's message catalogs travel in
 * the same RSC payload, so the bare words alone prove nothing.)
 */
const answered = (answer: Answer, message: string) => answer.text.includes(`"error":"${message}"`);

function judgeAction(key: string, row: ActionRow, role: MatrixRole, answer: Answer, allowed: boolean): string[] {
  const where = `${role} → ${key}: ${answer.status}${answer.location ? ` → ${answer.location}` : ""}`;
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`${where}: server error`);
  if (allowed) {
    if (answered(answer, SIGN_IN_REQUIRED) || answered(answer, FORBIDDEN)) problems.push(`${where}: refused, though the table allows ${role}`);
    if (TO_LOGIN.test(answer.location) && row.rule !== "self") problems.push(`${where}: sent to sign in, though the table allows ${role}`);
    return problems;
  }
  const refused =
    role === "anonymous"
      ? (redirected(answer) && TO_LOGIN.test(answer.location)) || answered(answer, SIGN_IN_REQUIRED) || answered(answer, FORBIDDEN)
      : answered(answer, FORBIDDEN);
  if (!refused) {
    problems.push(`LEAK ${where}: not refused, though the table refuses ${role}`);
    stats.leaks.push(`${where}: action not refused`);
  }
  return problems;
}

function report(problems: string[]) {
  stats.problems += problems.length;
  expect(problems, problems.join("\n")).toEqual([]);
}

test("every route and server action of the build has a row in the access table, and every row is in the build", () => {
  const routeNames = new Set(builtRoutes);
  const actionNames = new Set(builtActions.map(label));
  expect(builtRoutes.length).toBeGreaterThan(50);
  expect(builtActions.length).toBeGreaterThan(30);
  expect(
    builtRoutes.filter((r) => !(r in ROUTE_TABLE)),
    "routes without a decision in e2e/support/access-table.ts",
  ).toEqual([]);
  expect(
    [...actionNames].filter((a) => !(a in ACTION_TABLE)),
    "server actions without a decision in e2e/support/access-table.ts",
  ).toEqual([]);
  expect(
    Object.keys(ROUTE_TABLE).filter((r) => !routeNames.has(r)),
    "stale rows: routes the build does not have",
  ).toEqual([]);
  expect(
    Object.keys(ACTION_TABLE).filter((a) => !actionNames.has(a)),
    "stale rows: actions the build does not have",
  ).toEqual([]);
});

test.describe("routes", () => {
  for (const route of builtRoutes) {
    const row = ROUTE_TABLE[route];
    test(`${route}: ${row?.rule ?? "NO DECISION"}`, async () => {
      test.setTimeout(120_000);
      expect(row, `${route} has no row in e2e/support/access-table.ts: decide who may reach it`).toBeDefined();
      const cell = async (role: MatrixRole) => {
        const plain = judgeRoute(route, row!, role, await request(role, row!, false), false);
        stats.routeCells += 1;
        if (!isPage(route)) return plain;
        const rsc = judgeRoute(route, row!, role, await request(role, row!, true), true);
        stats.rscCells += 1;
        return [...plain, ...rsc];
      };
      const problems: string[] = [];
      if (row!.heavy) for (const role of ROLES) problems.push(...(await cell(role)));
      else problems.push(...(await Promise.all(ROLES.map(cell))).flat());
      report(problems);
    });
  }
});

test.describe("server actions, called directly", () => {
  for (const action of builtActions) {
    const key = label(action);
    const row = ACTION_TABLE[key];
    test(`${key}: ${row?.rule ?? "NO DECISION"}`, async ({ playwright }) => {
      test.setTimeout(120_000);
      expect(row, `${key} has no row in e2e/support/access-table.ts: decide who may call it`).toBeDefined();
      const problems = (
        await Promise.all(
          ROLES.map(async (role): Promise<string[]> => {
            const allowed = isActionAllowed(row!.rule, role);
            if (allowed && role !== "anonymous" && row!.allowedCall === "never") {
              stats.notCalled.push(`${key} as ${role}`);
              return [];
            }
            if (allowed && role !== "anonymous" && row!.allowedCall === "throwaway") return []; // the throwaway test below
            let caller = world.as[role];
            let copy: APIRequestContext | null = null;
            if (allowed && role !== "anonymous" && row!.allowedCall === "copy") {
              copy = await playwright.request.newContext({ baseURL: world.origin, storageState: await caller.storageState() });
              caller = copy;
            }
            const answer = await callAction(caller, action, row!.fields ?? {});
            stats.actionCells += 1;
            const problems = judgeAction(key, row!, role, answer, allowed);
            if (copy) {
              // Signed out: the copy's next visit to the account is sent to sign in.
              const after = await copy.get("/account", { maxRedirects: 0 });
              if (!TO_LOGIN.test(after.headers().location ?? "")) problems.push(`${role} → ${key}: the copy is still signed in`);
              await copy.dispose();
            }
            return problems;
          }),
        )
      ).flat();
      report(problems);
    });
  }

  test("sign-out-everywhere, as a throwaway reader: ends the reader's other sessions too", async ({ browser, playwright }) => {
    const action = builtActions.find((a) => label(a) === "app/(account)/account/actions.ts#signOutEverywhereAction");
    expect(action).toBeDefined();
    const context = await browser.newContext();
    await registerNewReader(await context.newPage(), "matrix-everywhere");
    const otherDevice = await playwright.request.newContext({ baseURL: world.origin, storageState: await context.storageState() });
    expect((await otherDevice.get("/account", { maxRedirects: 0 })).status()).toBe(200);
    const answer = await callAction(context.request, action!, {});
    stats.actionCells += 1;
    report(judgeAction(label(action!), ACTION_TABLE[label(action!)]!, "member", answer, true));
    expect((await otherDevice.get("/account", { maxRedirects: 0 })).headers().location ?? "").toMatch(TO_LOGIN);
    await otherDevice.dispose();
    await context.close();
  });
});

async function callAction(caller: APIRequestContext, action: ServerAction, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const { response, text } = await invokeAction(caller, action, fields, headers);
  const headersOut = response.headers();
  return { status: response.status(), location: headersOut.location ?? "", contentType: headersOut["content-type"] ?? "", body: Buffer.from(text), text, actionRedirect: headersOut["x-action-redirect"] ?? "", csp: headersOut["content-security-policy"] ?? "" };
}

test.describe("header tricks on the most sensitive refusals", () => {
  for (const [name, headers] of Object.entries(TRICKY_HEADERS)) {
    test(name, async () => {
      test.setTimeout(120_000);
      const problems: string[] = [];
      for (const route of TRICK_ROUTES) {
        const row = ROUTE_TABLE[route]!;
        const refused = ROLES.filter((role) => !isAllowed(row.rule, role));
        const cells = await Promise.all(
          refused.flatMap((role) =>
            (isPage(route) ? [false, true] : [false]).map(async (rsc) => {
              stats.trickCells += 1;
              return judgeRoute(`${route} with ${name}`, row, role, await request(role, row, rsc, headers), rsc, false);
            }),
          ),
        );
        problems.push(...cells.flat());
      }
      for (const key of TRICK_ACTIONS) {
        const row = ACTION_TABLE[key]!;
        const action = builtActions.find((a) => label(a) === key)!;
        const refused = ROLES.filter((role) => !isActionAllowed(row.rule, role));
        const cells = await Promise.all(
          refused.map(async (role) => {
            stats.trickCells += 1;
            return judgeAction(`${key} with ${name}`, row, role, await callAction(world.as[role], action, row.fields ?? {}, headers), false);
          }),
        );
        problems.push(...cells.flat());
      }
      report(problems);
    });
  }
});
