import "server-only";
import type { Transporter } from "nodemailer";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { env } from "@/lib/env";
import { logger, maskEmail } from "@/lib/log";

const log = logger.child({ module: "mail" });

export type Mail = { to: string; subject: string; text: string; html?: string };

/** How a mail left: by SMTP, into the local outbox, or not at all (logged). */
export type MailResult = { delivery: "smtp" | "outbox" | "failed" };

const globalForMail = globalThis as unknown as { __caixinMailTransports?: Map<string, Promise<Transporter>> };

function transportFor(smtpUrl: string): Promise<Transporter> {
  // Keyed by URL so a changed SMTP_URL (tests, reconfiguration) gets its own transport.
  const transports = (globalForMail.__caixinMailTransports ??= new Map());
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/**
 * Sends a mail and never throws: a mail that cannot go out is logged, and the
 * request that triggered it (a sign-in, a registration) carries on. Without
 * SMTP_URL, development and demo runs keep mail in the `outbox` table (read it
 * at /dev/outbox) and log that they did; a real production run without SMTP
 * logs an error. Logs name the recipient masked and never hold the text (it
 * may carry a sign-in code or link).
 */
export async function sendMail(mail: Mail): Promise<MailResult> {
  const { SMTP_URL, MAIL_FROM, isRealProduction } = env();
  try {
    if (SMTP_URL) {
      const transport = await transportFor(SMTP_URL);
      // base64 keeps Chinese text intact through any relay, whatever its line-length rules.
      await transport.sendMail({ from: MAIL_FROM, textEncoding: "base64", ...mail });
      return { delivery: "smtp" };
    }
    if (isRealProduction) {
      log.error({ to: maskEmail(mail.to), subject: mail.subject }, "NOT SENT: SMTP_URL is not set in production");
      return { delivery: "failed" };
    }
    const db = await getDb();
    await db.insert(outbox).values({ to: mail.to, subject: mail.subject, text: mail.text });
    log.info({ to: maskEmail(mail.to), subject: mail.subject }, "Mail kept in the local outbox (no SMTP_URL): read it at /dev/outbox");
    return { delivery: "outbox" };
  } catch (error) {
    log.error({ err: error, to: maskEmail(mail.to), subject: mail.subject }, "Sending failed");
    return { delivery: "failed" };
  }
}

/** The local outbox is shown only where mail is kept locally: never in real production, never with SMTP. */
export function isOutboxEnabled(): boolean {
  const { SMTP_URL, isRealProduction } = env();
  return !isRealProduction && !SMTP_URL;
}
