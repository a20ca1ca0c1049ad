import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_MASTHEAD_CODE } from "@/lib/qr/demo-codes";
import { AI_ARTICLE_TITLE, FREE_ARTICLE_TITLE, GATED_MARKER, aiArticlePath, articlePath, signInWithPassword } from "./support/demo";

/**
 * Accessibility: every reader page and the admin's main pages pass axe-core's
 * WCAG 2.1 A/AA rules with no serious or critical violation; on the main
 * pages Tab alone reaches every control and each shows its focus; the 版面's
 * hot zones work with Tab and Enter and its articles are also a plain list.
 * Nothing here changes data (it runs in the
 * parallel "chromium" project): pages are only opened, and sign-ins use the
 * demo accounts. Opening the masthead QR code does count one scan of it.
 *
 * No rule is disabled.
 */

/** The interface languages: each is chosen as a reader does, with the switcher's cookie (see `visit`). */
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

type Account = "subscriber@demo.test" | "admin@demo.test";

type Checked = {
  name: string;
  /** Signed in as this account, or anonymous. */
  as?: Account;
  /** The path, or how a reader finds it (an article's id is not fixed). */
  path: string | ((page: Page) => Promise<string>);
  /** The HTTP status the page answers with. */
  status?: number;
  /** Where the path redirects to, if it does. */
  redirectsTo?: RegExp;
  /** What shows that the page itself rendered (not a sign-in page or an error), and that it has finished loading. */
  ready?: (page: Page, locale: Locale) => Promise<void>;
};

type Name = string | RegExp;
/** The page's heading, by its name in each language (content such as an article's title is the same in both). */
const h1 = (zh?: Name, en: Name | undefined = zh) => async (page: Page, locale: Locale) => {
  const name = locale === "en" ? en : zh;
  await expect(page.getByRole("heading", { level: 1, ...(name ? { name } : {}) }).first()).toBeVisible();
};
const say = (zh: Name, en: Name) => (locale: Locale) => (locale === "en" ? en : zh);

/** The admin's edit page of issue 1253, found in the issues list. */
async function adminIssuePath(page: Page): Promise<string> {
  await page.goto("/admin/issues");
  const href = await page.getByRole("link", { name: /1253/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/admin\/issues\/\d+$/);
  return href!;
}

const readerPages: Checked[] = [
  { name: "today's paper", path: "/", ready: h1("财信报", undefined) },
  { name: "an issue", path: "/issues/2026-04-30", ready: h1() },
  { name: "a 版面", path: "/issues/2026-04-30/pages/1", ready: h1(/第1版/, /Page 1/) },
  { name: "a free article", path: (page) => articlePath(page, FREE_ARTICLE_TITLE), ready: h1(FREE_ARTICLE_TITLE) },
  {
    name: "a subscriber-only article",
    path: aiArticlePath,
    ready: async (page, locale) => {
      await h1(AI_ARTICLE_TITLE)(page, locale);
      await expect(page.getByText(say("本文为订阅内容", "This article is for subscribers")(locale))).toBeVisible();
    },
  },
  { name: "a free article", as: "subscriber@demo.test", path: (page) => articlePath(page, FREE_ARTICLE_TITLE), ready: h1(FREE_ARTICLE_TITLE) },
  {
    name: "a subscriber-only article",
    as: "subscriber@demo.test",
    path: aiArticlePath,
    ready: async (page, locale) => {
      await h1(AI_ARTICLE_TITLE)(page, locale);
      await expect(page.getByText(GATED_MARKER)).toBeVisible();
    },
  },
  { name: "the archive", path: "/archive", redirectsTo: /^\/archive\/\d{4}-\d{2}$/, ready: h1(/往期回顾/, /Archive/) },
  { name: "an archive month", path: "/archive/2026-04", ready: h1(/2026年4月/, /April 2026/) },
  {
    name: "search results",
    path: `/search?q=${encodeURIComponent("知识")}`,
    ready: async (page, locale) => {
      await h1(/搜索/, /Search/)(page, locale);
      await expect(page.locator("main").getByRole("link", { name: /./ }).first()).toBeVisible();
    },
  },
  { name: "sign in", path: "/login", ready: h1() },
  { name: "registration", path: "/register", ready: h1() },
  { name: "password reset", path: "/reset-password", ready: h1() },
  { name: "subscribe", path: "/subscribe", ready: h1("订阅财信报数字报", "Subscribe to the Caixin Bao e-edition") },
  { name: "the account page", as: "subscriber@demo.test", path: "/account", ready: h1() },
  { name: "the masthead QR code's landing page", path: `/q/${DEMO_MASTHEAD_CODE}`, ready: h1() },
  { name: "an unknown QR code", path: "/q/XXXXXX", status: 404, ready: h1() },
];

const asAdmin = (checked: Omit<Checked, "as">): Checked => ({ ...checked, as: "admin@demo.test" });

const adminPages: Checked[] = [
  asAdmin({ name: "admin dashboard", path: "/admin", ready: h1(/您好/, /Hello/) }),
  asAdmin({ name: "admin issues list", path: "/admin/issues", ready: h1(/期次/, /Issues/) }),
  asAdmin({ name: "admin issue editor", path: adminIssuePath, ready: h1(/总第1253期/, /1253/) }),
  asAdmin({
    name: "admin article editor",
    path: async (page) => {
      await page.goto(await adminIssuePath(page));
      const href = await page.getByRole("link", { name: AI_ARTICLE_TITLE }).first().getAttribute("href");
      expect(href).toMatch(/^\/admin\/issues\/\d+\/articles\/\d+$/);
      return href!;
    },
    ready: h1(/编辑稿件/, /Edit/),
  }),
  asAdmin({ name: "admin pauses", path: "/admin/pauses", ready: h1(/休刊管理/, /Publication pauses/) }),
  asAdmin({ name: "admin readers", path: "/admin/readers", ready: h1(/读者/, /Readers/) }),
  asAdmin({ name: "admin QR codes", path: "/admin/qr", ready: h1(/二维码/, /QR codes/) }),
  asAdmin({ name: "admin settings", path: "/admin/settings", ready: h1(/报社资料/, /Publication settings/) }),
];

/** Opens `path` in the given interface language. */
async function visit(page: Page, path: string, locale: Locale) {
  // For the whole site (a cookie set with a page's URL would be scoped to that page's folder).
  await page.context().addCookies([{ name: "cxb_locale", value: locale, url: `${new URL(test.info().project.use.baseURL!).origin}/` }]);
  return page.goto(path);
}

/** Axe's serious and critical WCAG 2.1 A/AA violations, a readable paragraph per rule: what, where (selectors), why. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ""))
    .map((v) => {
      const targets = v.nodes.map((node) => `    ${node.target.join(" ")}`);
      const shown = targets.length > 8 ? [...targets.slice(0, 8), `    … and ${targets.length - 8} more`] : targets;
      const why = (v.nodes[0]?.failureSummary ?? "").replace(/\n\s*/g, " ");
      return [`  ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)]`, ...shown, `    e.g. ${why}`].join("\n");
    });
}

/**
 * Walks the page with Tab alone, from the top until focus leaves the page.
 * Reports the stops that show no focus (no outline, ring or, for a hot zone,
 * drawn polygon) and the visible controls Tab never reached. Radio buttons
 * count as reached when one of their group is (Tab stops once per group).
 */
async function tabWalk(page: Page): Promise<{ stops: number; unseen: string[]; unreached: string[] }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    (window as unknown as { __visited: Set<Element> }).__visited = new Set();
  });
  const unseen: string[] = [];
  let stops = 0;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(async () => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const visited = (window as unknown as { __visited: Set<Element> }).__visited;
      if (visited.has(el)) return null;
      visited.add(el);
      // A focus style that fades in (transition-colors) is read once it has.
      await Promise.all(el.getAnimations({ subtree: true }).map((t) => (t instanceof CSSTransition ? t.finished.catch(() => undefined) : undefined)));
      const transparent = (colour: string) => colour === "transparent" || /rgba\(.*,\s*0\)$/.test(colour);
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
      const ring = style.boxShadow !== "none";
      const polygon = el.querySelector("polygon");
      const stroke = polygon !== null && !transparent(getComputedStyle(polygon).stroke);
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30);
      return { shows: outline || ring || stroke, what: `<${el.tagName.toLowerCase()}> ${name}` };
    });
    if (!stop) break;
    stops++;
    if (!stop.shows) unseen.push(stop.what);
  }
  const unreached = await page.evaluate(() => {
    const visited = (window as unknown as { __visited: Set<Element> }).__visited;
    const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest("[inert]"))
      .filter((el) => !visited.has(el))
      .filter((el) => {
        if (!(el instanceof HTMLInputElement && el.type === "radio")) return true;
        return ![...visited].some((v) => v instanceof HTMLInputElement && v.type === "radio" && v.name === el.name && v.form === el.form);
      })
      .map((el) => `<${el.tagName.toLowerCase()}> ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}`);
  });
  return { stops, unseen, unreached };
}

/** Pages walked with Tab: the reader's main journeys and a staff editor. */
const keyboardPages: Checked[] = [
  readerPages.find((p) => p.name === "today's paper")!,
  readerPages.find((p) => p.name === "a 版面")!,
  readerPages.find((p) => p.name === "a subscriber-only article" && !p.as)!,
  readerPages.find((p) => p.name === "an archive month")!,
  readerPages.find((p) => p.name === "sign in")!,
  readerPages.find((p) => p.name === "subscribe")!,
  adminPages.find((p) => p.name === "admin issue editor")!,
  adminPages.find((p) => p.name === "admin article editor")!,
];

for (const locale of LOCALES) {
  test.describe(`axe, ${locale}`, () => {
    test.use({ locale });

    for (const checked of [...readerPages, ...adminPages]) {
      const who = checked.as ? `signed in as ${checked.as.split("@")[0]}` : "signed out";
      test(`${checked.name} (${who}) has no serious or critical violations`, async ({ page }) => {
        if (checked.as) await signInWithPassword(page, checked.as);
        const path = typeof checked.path === "string" ? checked.path : await checked.path(page);
        const response = await visit(page, path, locale);
        expect(response?.status(), path).toBe(checked.status ?? 200);
        const landed = new URL(page.url()).pathname;
        if (checked.redirectsTo) expect(landed).toMatch(checked.redirectsTo);
        else expect(landed, "the page was not redirected").toBe(new URL(path, page.url()).pathname);
        await checked.ready?.(page, locale);
        await page.waitForLoadState("networkidle");
        const violations = await blockingViolations(page);
        expect(violations.length, `${path}:\n${violations.join("\n")}`).toBe(0);
      });
    }

    for (const checked of keyboardPages) {
      test(`${checked.name}: Tab reaches every control, and each one shows its focus`, async ({ page }) => {
        if (checked.as) await signInWithPassword(page, checked.as);
        const path = typeof checked.path === "string" ? checked.path : await checked.path(page);
        await visit(page, path, locale);
        await checked.ready?.(page, locale);
        await page.waitForLoadState("networkidle");
        // Reader pages add the 休刊 banner (with its close button) after load: walk the page as it will stay,
        // or a pause created meanwhile by another journey would insert controls behind the walk.
        if (!path.startsWith("/admin")) {
          await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("/api/calendar/banner") && (e as PerformanceResourceTiming).responseEnd > 0));
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        }
        const { stops, unseen, unreached } = await tabWalk(page);
        expect(stops).toBeGreaterThan(3);
        expect(unseen, `${path}: focus not visible on\n${unseen.join("\n")}`).toEqual([]);
        expect(unreached, `${path}: not reachable with Tab\n${unreached.join("\n")}`).toEqual([]);
      });
    }

    test("the 版面 works from the keyboard: Tab reaches a hot zone, its focus shows, Enter opens the article", async ({ page }) => {
      await visit(page, "/issues/2026-04-30/pages/1", locale);
      const zones = page.getByRole("group", { name: say(/版面热区/, /Article regions/)(locale) }).getByRole("link");
      await expect(zones.first()).toBeVisible();
      const zoneCount = await zones.count();
      expect(zoneCount).toBeGreaterThan(0);

      // The text alternative of the 版面: every zone's article is in the page's list of articles.
      const list = page.getByRole("region", { name: say(/本版文章/, /Articles on this page/)(locale) }).getByRole("listitem");
      const listed = await list.getByRole("link").allTextContents();
      const zoned = new Set(await zones.evaluateAll((links) => links.map((a) => a.getAttribute("aria-label"))));
      expect(listed.length).toBeGreaterThan(0);
      for (const title of zoned) expect(listed.map((t) => t.trim())).toContain(title);

      // From the top of the page, Tab alone reaches a hot zone.
      await page.locator("body").focus();
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.hasAttribute("data-hot-zone") ?? false);
      }
      expect(reached, "Tab reaches a hot zone").toBe(true);

      // Its focus is visible: the zone's outline is drawn (an SVG link shows it on its polygon, see page-viewer.tsx).
      const focused = page.locator("[data-hot-zone]:focus");
      const indicator = await focused.evaluate(async (a) => {
        await Promise.all(a.getAnimations({ subtree: true }).map((t) => (t instanceof CSSTransition ? t.finished.catch(() => undefined) : undefined)));
        const style = getComputedStyle(a);
        const polygon = getComputedStyle(a.querySelector("polygon")!);
        return {
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
          boxShadow: style.boxShadow !== "none",
          stroke: polygon.stroke !== "none" && !/rgba\(.*,\s*0\)$|transparent/.test(polygon.stroke),
        };
      });
      expect(indicator.outline || indicator.boxShadow || indicator.stroke, JSON.stringify(indicator)).toBe(true);
      // …and it is the focus that draws it: a zone without focus has none.
      const unfocused = await zones.evaluateAll((links) =>
        links.filter((a) => a !== document.activeElement).map((a) => getComputedStyle(a.querySelector("polygon")!).stroke),
      );
      for (const stroke of unfocused) expect(stroke).toMatch(/rgba\(.*,\s*0\)$|transparent|none/);

      const title = await focused.getAttribute("aria-label");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/articles\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
    });
  });
}
