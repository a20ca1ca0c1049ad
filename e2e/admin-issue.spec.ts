import { expect, test, type Browser, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { exampleZip } from "@/lib/issue-import/example";
import { aiArticlePath, GATED_MARKER, registerNewReader, signInWithPassword } from "./support/demo";
import { uniqueAddress } from "./support/addresses";

/**
 * A night's production, as the editors do it: issue 1254 created with the
 * schedule's default date (05-04 is a 休刊 day, so 05-07), its pages from one
 * generated multi-page PDF, an article placed with a hot zone drawn by mouse
 * and by keyboard, a preview, publishing, and then a subscriber reading the
 * article from the hot zone. The article body carries script payloads that
 * must stay inert on the reader's page.
 */
const TITLE = "财信报数字版上线:编辑部夜班流程测试";
const MARKER = "这是一段只有订阅读者才能看到的正文,用于检查热区进入的全文。";
const XSS_BODY = [
  "导语:本报数字版今日上线。",
  MARKER,
  '<script>window.__xss = "script";</script>',
  '<img src="x" onerror="window.__xss = \'img\'">',
  "[点我](javascript:window.__xss='link')",
].join("\n\n");

async function generatedPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Caixin Bao 1254 - page ${n}`, { x: 60, y: 760, size: 28, font });
    page.drawRectangle({ x: 60, y: 300, width: 470, height: 400, borderWidth: 2 });
  }
  return Buffer.from(await pdf.save());
}

async function staffPage(browser: Browser, email: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithPassword(page, email, next);
  return page;
}

test("an editor produces and publishes issue 1254; a subscriber reads the article from its hot zone, with script payloads inert", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await staffPage(browser, "editor@demo.test", "/admin/issues/new");

  // Create: the defaults follow issue 1253 (04-30), skip the 05-04 pause, and land on 05-07.
  await expect(editor.getByLabel("出版日期")).toHaveValue("2026-05-07");
  await expect(editor.getByLabel("总期号")).toHaveValue("1254");
  await editor.getByLabel("版数").fill("2");
  await editor.getByRole("button", { name: /创建期次/ }).click();
  await editor.waitForURL(/\/admin\/issues\/\d+\?done=created/);
  const issuePath = new URL(editor.url()).pathname;

  // Pages: one 3-page PDF for the whole issue; the third page is added to the issue.
  await editor.getByLabel("整期 PDF,或按版序排列的各版图片").setInputFiles({ name: "caixinbao-1254.pdf", mimeType: "application/pdf", buffer: await generatedPdf(3) });
  await editor.getByRole("button", { name: "上传整期" }).click();
  await editor.getByRole("button", { name: "确认上传整期" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "新增第3版" })).toBeVisible({ timeout: 60_000 });
  const thumb = editor.getByAltText(/^第1版 .* 缩略图$/);
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expect(editor.getByRole("heading", { name: /^第3版 · / })).toBeVisible();

  // Article, with a body that tries three ways to run script.
  await editor.getByRole("link", { name: /新增稿件/ }).first().click();
  await editor.getByLabel("标题", { exact: true }).fill(TITLE);
  await editor.getByLabel("正文").fill(XSS_BODY);
  await editor.getByRole("button", { name: /创建稿件/ }).click();
  await expect(editor.getByText("稿件已创建")).toBeVisible();

  // Hot zones on 第1版: one drawn with the mouse, one added and moved with the keyboard.
  await editor.goto(`${issuePath}/pages/1/zones`);
  await editor.getByRole("radio", { name: new RegExp(TITLE) }).check();
  await editor.getByRole("button", { name: "画矩形" }).click();
  const canvas = editor.getByTestId("zone-canvas");
  const box = (await canvas.boundingBox())!;
  await editor.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.2);
  await editor.mouse.down();
  await editor.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45, { steps: 8 });
  await editor.mouse.up();
  await expect(editor.getByRole("button", { name: `《${TITLE}》热区 1`, exact: true })).toBeVisible();
  await editor.getByRole("button", { name: "添加矩形" }).click();
  const second = editor.getByRole("button", { name: `《${TITLE}》热区 2`, exact: true });
  await expect(second).toBeFocused();
  await editor.keyboard.press("Shift+ArrowDown");
  await editor.keyboard.press("Alt+ArrowRight");
  await editor.getByRole("button", { name: "保存热区" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已保存 2 个热区。" })).toBeVisible();

  // Preview: the subscriber's view before publishing.
  await editor.goto(`${issuePath}/preview/pages/1`);
  await expect(editor.getByText("预览 — 读者尚不可见")).toBeVisible();
  await editor.locator(`svg a[aria-label="${TITLE}"]`).first().click();
  await expect(editor.getByText(MARKER)).toBeVisible();

  // Readers can't see a draft.
  const draft = await editor.request.get("/issues/2026-05-07", { maxRedirects: 0 });
  expect(draft.status()).toBe(404);

  // Publish, after the confirmation.
  await editor.goto(issuePath);
  await editor.getByRole("button", { name: "立即出版…" }).click();
  await editor.getByRole("button", { name: "确认出版" }).click();
  await expect(editor.getByText("已出版,读者页面已刷新。")).toBeVisible();

  // The subscriber opens 第1版, follows the hot zone, and reads on.
  const reader = await staffPage(browser, "subscriber@demo.test", "/account");
  await reader.goto("/issues/2026-05-07/pages/1");
  await reader.locator(`svg a[aria-label="${TITLE}"]`).first().click();
  await reader.waitForURL(/\/articles\/\d+$/);
  await expect(reader.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(reader.getByText(MARKER)).toBeVisible();
  await expect(reader.getByText("导语:本报数字版今日上线。")).toBeVisible();
  expect(await reader.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
  const article = reader.locator("article");
  expect(await article.locator("script, img[onerror], a[href^='javascript']").count()).toBe(0);
});

test("an admin grants complimentary access and the reader can read at once; revoking ends it", async ({ browser }) => {
  const readerPage = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } })).newPage();
  const email = await registerNewReader(readerPage, "comp");
  const bodyApi = `/api${await aiArticlePath(readerPage)}/body`;
  expect((await readerPage.request.get(bodyApi)).status()).toBe(403);

  const admin = await staffPage(browser, "admin@demo.test", "/admin/readers");
  await admin.getByLabel("邮箱或姓名").fill(email);
  await admin.getByRole("button", { name: "查找" }).click();
  await admin.getByRole("link", { name: email }).click();
  await admin.getByLabel("1周").check();
  await admin.getByLabel("备注").fill("读者来信赠阅");
  await admin.getByRole("button", { name: "赠送阅读权限" }).click();
  await expect(admin.getByText(/已赠送.*阅读权限/)).toBeVisible();

  const granted = await readerPage.request.get(bodyApi);
  expect(granted.status()).toBe(200);
  expect(await granted.text()).toContain(GATED_MARKER);

  await admin.getByRole("button", { name: "收回赠阅…" }).first().click();
  await admin.getByRole("button", { name: "确认收回" }).click();
  await expect(admin.getByText(/已于.*到期/).first()).toBeVisible();
  expect((await readerPage.request.get(bodyApi)).status()).toBe(403);
});

test("the readers CSV import reports a bad row on the dry run, then imports the corrected file all at once", async ({ browser }) => {
  const admin = await staffPage(browser, "admin@demo.test", "/admin/readers/import");
  const stamp = Date.now().toString(36);
  const bad = `email,name,comp_until,note\nok-${stamp}@csv.test,张三,2030-01-01,展会\nnot-an-email,李四,,\n`;
  await admin.getByLabel("CSV 文件").setInputFiles({ name: "readers.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.locator("[data-line='3']")).toContainText("not-an-email");
  await expect(admin.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  const good = `email,name,comp_until,note\nok-${stamp}@csv.test,张三,2030-01-01,展会\nalso-${stamp}@csv.test,李四,,\n`;
  await admin.getByLabel("CSV 文件").setInputFiles({ name: "readers.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.getByText(/检查通过/)).toBeVisible();
  await admin.getByRole("button", { name: "确认导入" }).click();
  await expect(admin.getByText(/导入完成:新建 2 个账户/)).toBeVisible();

  await admin.goto(`/admin/readers?q=${stamp}`);
  await expect(admin.locator(`[data-reader-email="ok-${stamp}@csv.test"]`)).toContainText("赠送");
});

test("an issue package uploaded in the admin is checked, then imported as a draft", async ({ browser }) => {
  const editor = await staffPage(browser, "editor@demo.test", "/admin/issues/import");
  const zip = await exampleZip({ date: "2026-06-01", number: 1261 });
  await editor.getByLabel(/期次包/).setInputFiles({ name: "issue-1261.zip", mimeType: "application/zip", buffer: zip });
  await editor.getByLabel(/只检查,不导入/).check();
  await editor.getByRole("button", { name: /检查期次包/ }).click();
  await expect(editor.getByText(/检查通过/)).toBeVisible({ timeout: 60_000 });

  await editor.getByLabel(/只检查,不导入/).uncheck();
  await editor.getByLabel(/期次包/).setInputFiles({ name: "issue-1261.zip", mimeType: "application/zip", buffer: zip });
  await editor.getByRole("button", { name: /^导入期次/ }).click();
  await expect(editor.getByText(/已导入为草稿:总第1261期/)).toBeVisible({ timeout: 60_000 });
  await editor.getByRole("link", { name: /打开期次/ }).click();
  await expect(editor.getByRole("heading", { name: /总第1261期/ })).toBeVisible();
  await expect(editor.getByText("全市外贸进出口同比增长百分之八")).toBeVisible();
});

test("a file that is not a PDF is refused with a clear message, and the page keeps its old image", async ({ browser }) => {
  const editor = await staffPage(browser, "editor@demo.test", "/admin/issues");
  await editor.getByRole("link", { name: /1253/ }).first().click();
  const second = editor.getByRole("listitem").filter({ has: editor.getByRole("heading", { name: /^第2版/ }) });
  await second.getByLabel("替换第2版版面(PDF 或图片)").setInputFiles({ name: "page.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
  await second.getByRole("button", { name: "替换", exact: true }).click();
  await editor.getByRole("button", { name: "确认替换" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: /不是|无法识别|不支持/ })).toBeVisible();
  await expect(editor.getByAltText(/^第2版 .* 缩略图$/)).toBeVisible();
});
