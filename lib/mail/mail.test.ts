import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { outbox } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { extractCode, extractLink, readLatestMail, startMailbox } from "@/e2e/support/mailbox";
import { resetEnvCache } from "@/lib/env";
import { captureLogs } from "@/lib/log";
import { sendMail } from "@/lib/mail";
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
    const result = await sendMail({ to: "Reader@Example.test", ...signInMail({ code: "042917", link, minutes: 15 }) });
    expect(result.delivery).toBe("smtp");

    const mail = await readLatestMail(mailDir, "reader@example.test", { after: since, timeoutMs: 5_000 });
    expect(mail.subject).toBe("您的财信报登录码");
    expect(mail.text).toContain("您的登录码是 042917,15 分钟内有效。也可以点击链接登录:");
    expect(extractCode(mail.text)).toBe("042917");
    expect(extractLink(mail.text, "/login/email")).toBe("https://e.caixinbao.test/login/email?token=abc-123_XYZ");
  });

  it("reads multipart and quoted-printable mail as well", async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${mailbox.port}`);
    const { subject, text } = resetPasswordMail({ link: "https://e.caixinbao.test/reset-password/t0k3n", minutes: 15 });
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
    const mail = verifyEmailMail({ link: "http://localhost:3000/verify-email?token=v1s3cr3t", hours: 24 });
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
    const result = await sendMail({ to: "prod@example.test", ...signInMail({ code: "123456", link: "https://x.test/l", minutes: 15 }) });
    logs.restore();
    expect(result.delivery).toBe("failed");
    expect(logs.lines()).toEqual([expect.objectContaining({ level: "error", to: "p***@example.test", msg: expect.stringContaining("SMTP_URL") })]);
    expect(logs.text()).not.toContain("123456");
    expect(logs.text()).not.toContain("prod@example.test");
  });
});
