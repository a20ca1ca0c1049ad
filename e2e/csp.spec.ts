import { expect, test, type APIResponse } from "@playwright/test";
import { FREE_ARTICLE_TITLE, articlePath } from "./support/demo";

/** Issue 8: a nonce-based CSP on every page, cached (ISR) ones included; inline scripts without it are blocked. */

function scriptSrc(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  return policy.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src")) ?? "";
}

function nonceOf(response: APIResponse): string {
  const nonce = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(scriptSrc(response))?.[1];
  expect(nonce, scriptSrc(response)).toBeTruthy();
  return nonce!;
}

test("cached and dynamic pages carry a new nonce per response, on every inline script", async ({ page, request }) => {
  const article = await articlePath(page, FREE_ARTICLE_TITLE);
  // "/" and the article are cached (ISR) islands pages: our theme script inline, the islands' module from our
  // own origin ('self'), nothing of Next's. /login is rendered per request and hydrates: every script has it.
  for (const path of ["/", article, "/login"]) {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(scriptSrc(response), path).not.toContain("'unsafe-inline'");
      const nonce = nonceOf(response);
      const scripts = (await response.text()).match(/<script\b[^>]*>/gi) ?? [];
      const islandsModule = /^<script type="module" src="\/_next\/static\/islands\/boot-[\w-]+\.js">$/;
      if (path === "/login") expect(scripts.length, path).toBeGreaterThan(3);
      else expect(scripts.filter((script) => islandsModule.test(script)), path).toHaveLength(1);
      for (const script of scripts.filter((script) => !islandsModule.test(script))) expect(script, path).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0], path).not.toBe(nonces[1]);
  }
});

test("answers that are not pages keep the static policy, which runs no inline script", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(scriptSrc(response)).toBe("script-src 'self'");
});

test("a script injected into a page is blocked, and the page still works", async ({ page }) => {
  const article = await articlePath(page, FREE_ARTICLE_TITLE);
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  // As if the article's HTML had carried an attacker's scripts: one bare, one guessing a nonce.
  await page.route(
    (url) => url.pathname === article,
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace(
        "</body>",
        '<script>window.__injected = 1</script><script nonce="wrong">window.__injected = 2</script></body>',
      );
      const headers = { ...response.headers() };
      for (const name of ["content-length", "content-encoding", "transfer-encoding"]) delete headers[name];
      await route.fulfill({ status: response.status(), headers, body });
    },
  );
  await page.goto(article);

  // The reading toolbar (an island) still answers.
  const tools = page.getByRole("region", { name: /阅读设置/ });
  await tools.getByRole("button", { name: "特大", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "xlarge");

  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations.filter((violation) => violation.startsWith("script-src") && violation.endsWith(" inline"))).toHaveLength(2);
});
