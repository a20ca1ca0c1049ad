import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { verifyEmailWithToken, type VerifyOutcome } from "@/lib/account-mail";
import type { Locale } from "@/lib/i18n/config";
import { AccountShell, Panel } from "@/components/ui/form-parts";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.verifyEmail" });
  return { title: t("title"), referrer: "no-referrer" };
}

/** Verifying on GET is harmless: the link only proves the reader can read this mailbox. */
export default async function VerifyEmailPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.verifyEmail");
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const outcome: VerifyOutcome = token ? await verifyEmailWithToken(token) : "invalid";
  const { title, text } = {
    verified: { title: t("verifiedTitle"), text: t("verifiedText") },
    expired: { title: t("expiredTitle"), text: t("expiredText") },
    invalid: { title: t("invalidTitle"), text: t("invalidText") },
  }[outcome];
  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <Panel>
        <h2 className="font-serif text-lg font-bold" role={outcome === "verified" ? "status" : "alert"}>
          {title}
        </h2>
        <p className="mt-2 text-ink">{text}</p>
        <p className="mt-5">
          <Link href="/account" className="text-brand underline-offset-4 hover:underline">
            {t("goToAccount")}
          </Link>
        </p>
      </Panel>
    </AccountShell>
  );
}
