import type { Metadata } from "next";
import { desc } from "drizzle-orm";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { isOutboxEnabled } from "@/lib/mail";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.outbox" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  "zh-CN": new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "medium" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "medium" }),
};

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
export default async function OutboxPage({ params }: { params: Params }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await connection();
  if (!isOutboxEnabled()) notFound();
  const t = await getTranslations("adminPeople.outbox");
  const timeFormat = timeFormats[locale] ?? timeFormats["zh-CN"];
  const db = await getDb();
  const mails = await db.select().from(outbox).orderBy(desc(outbox.id)).limit(100);

  return (
    <div className="mx-auto w-full max-w-3xl py-2">
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} {t("titleHint") ? <span className="ml-2 font-sans text-sm font-normal text-muted">{t("titleHint")}</span> : null}
      </h1>
      <p className="mt-2 text-sm text-muted">{t("intro")}</p>
      {mails.length === 0 ? (
        <p className="mt-8 text-muted">{t("empty")}</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-rule bg-white p-4 shadow-sm">
              <article aria-labelledby={`mail-${mail.id}`}>
                <h2 id={`mail-${mail.id}`} className="font-medium text-ink">
                  {mail.subject}
                </h2>
                <p className="mt-1 text-xs text-muted">
                  {t("to", { to: mail.to })} · <time dateTime={mail.createdAt.toISOString()}>{timeFormat.format(mail.createdAt)}</time>
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
