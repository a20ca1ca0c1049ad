import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { outbox, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { extractCode, extractLink, readLatestMail, startMailbox } from "@/e2e/support/mailbox";
import { passwordResetMailFor, signInMailFor, verificationMailFor } from "@/lib/account-mail";
import { sendOnce } from "@/lib/billing/webhook/notices";
import { resetEnvCache } from "@/lib/env";
import { captureLogs } from "@/lib/log";
import { sendMail } from "@/lib/mail";
import { accessGrantedMail, prepaidEndingMail } from "@/lib/mail/billing-templates";
import { pauseNoticeMail } from "@/lib/mail/pause-templates";
import { portalLink, resetPasswordMail, signInMail, verifyEmailMail } from "@/lib/mail/templates";

let database: Awaited<ReturnType<typeof freshDatabase>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let mailDir: string;
let savedEnv: Record<string, string | undefined>;

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
}

beforeAll(async () => {
  database = await freshDatabase();
  savedEnv = { ...process.env };
  mailDir = mkdtempSync(path.join(os.tmpdir(), "caixin-mailbox-"));
  mailbox = await startMailbox({ port: 0, dir: mailDir });
});

afterEach(() => {
  const { SMTP_URL, NODE_ENV, AUTH_SECRET, DATABASE_URL } = savedEnv;
  setEnv({ SMTP_URL, NODE_ENV, AUTH_SECRET, DATABASE_URL });
  vi.restoreAllMocks();
});

afterAll(async () => {
  await mailbox.close();
  rmSync(mailDir, { recursive: true, force: true });
  await database.drop();
});

describe("sendMail over SMTP", () => {
  it("delivers the sign-in mail with its code and link to a real SMTP server", async () => {
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` });
    const link = portalLink("https://e.caixinbao.test", "/login/email", { token: "abc-123_XYZ" });
    const since = new Date();
    const result = await sendMail({ to: "Reader@Example.test", ...signInMail("zh-CN", { code: "042917", link, minutes: 15 }) });
    expect(result.delivery).toBe("smtp");

    const mail = await readLatestMail(mailDir, "reader@example.test", { after: since, timeoutMs: 5_000 });
    expect(mail.subject).toBe("您的财信报登录码");
    expect(mail.text).toContain("您的登录码是 042917,15 分钟内有效。也可以点击链接登录:");
    expect(extractCode(mail.text)).toBe("042917");
    expect(extractLink(mail.text, "/login/email")).toBe("https://e.caixinbao.test/login/email?token=abc-123_XYZ");
  });

  it("reads multipart and quoted-printable mail as well", async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${mailbox.port}`);
    const { subject, text } = resetPasswordMail("zh-CN", { link: "https://e.caixinbao.test/reset-password/t0k3n", minutes: 15 });
    const since = new Date();
    await transport.sendMail({
      from: "财信报 <no-reply@caixinbao.test>",
      to: "qp@example.test",
      subject,
      text: `${text}\n${"很长的一行".repeat(40)}`,
      html: "<p>HTML 版本</p>",
      textEncoding: "quoted-printable",
    });
    transport.close();
    const mail = await readLatestMail(mailDir, "qp@example.test", { after: since, timeoutMs: 5_000 });
    expect(mail.subject).toBe("重设您的财信报密码");
    expect(mail.text).toContain("很长的一行".repeat(40));
    expect(extractLink(mail.text)).toBe("https://e.caixinbao.test/reset-password/t0k3n");
  });

  it("gives up waiting for mail that never comes", async () => {
    await expect(readLatestMail(mailDir, "nobody@example.test", { timeoutMs: 300 })).rejects.toThrow(/No mail/);
  });
});

describe("sendMail without SMTP", () => {
  it("keeps the mail in the outbox and logs it, without the address in full or the text", async () => {
    setEnv({ SMTP_URL: undefined });
    const logs = captureLogs();
    const mail = verifyEmailMail("zh-CN", { link: "http://localhost:3000/verify-email?token=v1s3cr3t", hours: 24 });
    const result = await sendMail({ to: "local@example.test", ...mail });
    logs.restore();
    expect(result.delivery).toBe("outbox");
    const [row] = await database.db.select().from(outbox).orderBy(desc(outbox.id)).limit(1);
    expect(row).toMatchObject({ to: "local@example.test", subject: mail.subject, text: mail.text });
    expect(logs.lines()).toEqual([expect.objectContaining({ level: "info", module: "mail", to: "l***@example.test", subject: mail.subject })]);
    expect(logs.text()).not.toContain("local@example.test");
    expect(logs.text()).not.toContain("v1s3cr3t");
  });

  it("only logs an error in real production, without failing the request", async () => {
    setEnv({
      SMTP_URL: undefined,
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL ?? "postgres://unused@127.0.0.1:1/unused",
      AUTH_SECRET: "x".repeat(40),
    });
    const logs = captureLogs();
    const result = await sendMail({ to: "prod@example.test", ...signInMail("zh-CN", { code: "123456", link: "https://x.test/l", minutes: 15 }) });
    logs.restore();
    expect(result.delivery).toBe("failed");
    expect(logs.lines()).toEqual([expect.objectContaining({ level: "error", to: "p***@example.test", msg: expect.stringContaining("SMTP_URL") })]);
    expect(logs.text()).not.toContain("123456");
    expect(logs.text()).not.toContain("prod@example.test");
  });
});

describe("mails in the reader's language", () => {
  const han = /\p{Script=Han}/u;

  it("writes the account mails in the language they were asked for in, code and link intact", async () => {
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` });
    const [user] = await database.db.insert(users).values({ email: "asks@example.test" }).returning();
    const since = new Date();
    await sendMail(await signInMailFor(user!, "en"));
    const mail = await readLatestMail(mailDir, "asks@example.test", { after: since, timeoutMs: 5_000 });
    expect(mail.subject).toBe("Your Caixin Bao sign-in code");
    expect(mail.text).toMatch(/^Hello,\n\nYour sign-in code is \d{6}\. It is valid for 15 minutes\./);
    expect(mail.text).not.toMatch(han);
    expect(extractCode(mail.text)).toMatch(/^\d{6}$/);
    expect(extractLink(mail.text, "/login/email")).toContain("token=");

    const chinese = await signInMailFor(user!, "zh-CN");
    expect(chinese.subject).toBe("您的财信报登录码");
    expect(chinese.text).toContain("分钟内有效");
    expect((await passwordResetMailFor(user!, "en")).subject).toBe("Reset your Caixin Bao password");
    expect((await passwordResetMailFor(user!, "zh-CN")).subject).toBe("重设您的财信报密码");
    expect((await verificationMailFor(user!, "en")).text).toContain("open this link within 24 hours:\nhttp");
    expect((await verificationMailFor(user!, "zh-CN")).text).toContain("请在 24 小时内点击下面的链接验证您的邮箱");
  });

  it("writes a mail sent without a request in the language stored on each account", async () => {
    setEnv({ SMTP_URL: undefined });
    const [english] = await database.db.insert(users).values({ email: "en@example.test", locale: "en" }).returning();
    const [chinese] = await database.db.insert(users).values({ email: "zh@example.test" }).returning();
    expect(chinese!.locale).toBe("zh-CN");
    const endsAt = new Date("2026-05-31T16:00:00Z");
    for (const user of [english!, chinese!]) {
      const sent = await sendOnce(database.db, {
        key: `access-granted:test:${user.id}`,
        userId: user.id,
        compose: async ({ locale }) => accessGrantedMail(locale, { planName: "数字版 · 3 个月", endsAt, kind: "prepaid", accountLink: "http://localhost:3000/account" }),
      });
      expect(sent).toBe(true);
    }
    const latest = async (to: string) => (await database.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.id)).limit(1))[0]!;
    const inEnglish = await latest("en@example.test");
    expect(inEnglish.subject).toBe("Caixin Bao: your subscription is active");
    // The plan's name, the date (in the paper's zone) and the words around them, all in English.
    expect(inEnglish.text).toContain("Your purchase “Digital · 3 months” is active: you can read until 31 May 2026 (inclusive).");
    expect(inEnglish.text).not.toMatch(han);
    const inChinese = await latest("zh@example.test");
    expect(inChinese.subject).toBe("财信报:您的订阅已生效");
    expect(inChinese.text).toContain("您购买的「数字版 · 3 个月」已生效,可阅读至 2026年5月31日(含当日)。到期不会自动扣费。");
  });

  it("words every mail in English for an English reader, quoting only what staff and readers wrote", () => {
    const endsAt = new Date("2026-05-31T16:00:00Z");
    const ending = prepaidEndingMail("en", { planName: null, endsAt, daysLeft: 1, renewLink: "https://x.test/subscribe" });
    expect(ending.subject).toBe("Caixin Bao: your subscription ends on 31 May 2026");
    expect(ending.text).toContain("“Digital subscription” until 31 May 2026 (inclusive): 1 day left.");
    expect(prepaidEndingMail("zh-CN", { planName: null, endsAt, daysLeft: 0, renewLink: "https://x.test/subscribe" }).text).toContain("「数字版订阅」可阅读至 2026年5月31日(含当日),今天是最后一天。");

    const pause = { reason: "劳动节", resumesOn: "2026-05-07", noticeText: "本报决定休刊。", correcting: null, archiveLink: "https://x.test/archive", accountLink: "https://x.test/account" };
    const english = pauseNoticeMail("en", { ...pause, startsOn: "2026-05-04", endsOn: "2026-05-05" });
    expect(english.subject).toBe("Caixin Bao: no issue from 4 May to 5 May 2026 (劳动节)");
    expect(english.text).toContain("the paper is back on Thursday 7 May 2026.");
    expect(english.text.replaceAll("劳动节", "").replace("本报决定休刊。", "")).not.toMatch(han);
    expect(pauseNoticeMail("zh-CN", { ...pause, startsOn: "2026-05-04", endsOn: "2026-05-05" }).subject).toBe("财信报休刊通知:2026年5月4日至5月5日休刊(劳动节)");
  });
});
