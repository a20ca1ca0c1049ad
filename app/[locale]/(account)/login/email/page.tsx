import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { safeNext } from "@/lib/safe-next";
import { inspectLinkToken } from "@/lib/tokens";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { ConfirmEmailSignInForm } from "./confirm-form";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.emailLink" });
  return { title: t("title"), referrer: "no-referrer" };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The target of the link in a sign-in mail. Opening it signs nobody in: mail
 * scanners fetch links on their own, so only the button (a POST) uses the token.
 */
export default async function EmailLinkPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.emailLink");
  const query = await searchParams;
  const token = one(query.token) ?? "";
  const rawNext = one(query.next);
  const next = rawNext ? safeNext(rawNext) : undefined;
  const link = token ? await inspectLinkToken("login", token) : null;

  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <Panel>
        {link?.state === "usable" ? (
          <>
            <p className="mb-5 text-ink">{t("instructions")}</p>
            <ConfirmEmailSignInForm token={token} next={next} />
          </>
        ) : (
          <>
            <p role="alert" className="text-ink">
              {link?.state === "used" ? t("used") : t("invalid")}
            </p>
            <p className="mt-4">
              <Link href="/login" className="text-brand underline-offset-4 hover:underline">
                {t("backToLogin")}
              </Link>
            </p>
          </>
        )}
      </Panel>
    </AccountShell>
  );
}
