import type { Metadata } from "next";
import { desc } from "drizzle-orm";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { isOutboxEnabled } from "@/lib/mail";

export const metadata: Metadata = { title: "本地发件箱", robots: { index: false, follow: false } };

const timeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "medium" });

/** Makes the links in a mail clickable (the text is rendered as text, never as HTML). */
function withLinks(text: string) {
  return text.split(/(https?:\/\/[^\s]+)/g).map((piece, i) =>
    i % 2 === 1 ? (
      <a key={i} href={piece} className="text-brand underline">
        {piece}
      </a>
    ) : (
      piece
    ),
  );
}

/**
 * Mail kept locally when no SMTP_URL is set, so development and demo runs can
 * sign in by email. It holds live sign-in codes: it exists only where the outbox does.
 */
export default async function OutboxPage() {
  await connection();
  if (!isOutboxEnabled()) notFound();
  const db = await getDb();
  const mails = await db.select().from(outbox).orderBy(desc(outbox.id)).limit(100);

  return (
    <div className="mx-auto w-full max-w-3xl py-2">
      <h1 className="font-serif text-2xl font-bold">
        本地发件箱 <span className="ml-2 font-sans text-sm font-normal text-muted">Dev outbox</span>
      </h1>
      <p className="mt-2 text-sm text-muted">未设置 SMTP_URL 时,邮件保存在这里(最新的在前,最多 100 封)。</p>
      {mails.length === 0 ? (
        <p className="mt-8 text-muted">还没有邮件。</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-rule bg-white p-4 shadow-sm">
              <article aria-labelledby={`mail-${mail.id}`}>
                <h2 id={`mail-${mail.id}`} className="font-medium text-ink">
                  {mail.subject}
                </h2>
                <p className="mt-1 text-xs text-muted">
                  收件人 {mail.to} · <time dateTime={mail.createdAt.toISOString()}>{timeFormat.format(mail.createdAt)}</time>
                </p>
                <pre className="mt-3 whitespace-pre-wrap break-all font-sans text-sm text-ink">{withLinks(mail.text)}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
