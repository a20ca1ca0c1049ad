import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireViewer } from "@/lib/access";
import { findGiftByToken } from "@/lib/billing/gifts";
import { planText } from "@/lib/billing/plan-catalog";
import type { Locale } from "@/lib/i18n/config";
import { ClaimGiftForm } from "../../gift-forms";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.gift" });
  return { title: t("claimTitle"), referrer: "no-referrer" };
}

/** The recipient's door: sign in (or sign up), then claim once. */
export default async function ClaimGiftPage({ params }: { params: Params }) {
  const { locale: raw, token } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("account.gift");
  const gift = await findGiftByToken(token);
  if (!gift) notFound();
  const viewer = await requireViewer(`/gift/claim/${token}`);
  return (
    <div className="mx-auto max-w-lg space-y-4 py-6">
      <h1 className="font-serif text-2xl font-bold">{t("claimHeading", { from: gift.fromName })}</h1>
      <p>{t("claimPlan", { plan: planText(gift.planName, locale), months: gift.months })}</p>
      {gift.message && <blockquote className="border-l-4 border-brand pl-3 text-muted">{gift.message}</blockquote>}
      {gift.state === "claimable" && (
        <>
          <p className="text-sm">{t("claimInfo", { email: viewer.email })}</p>
          <ClaimGiftForm token={token} />
        </>
      )}
      {gift.state === "claimed" && <p role="status">{t("claimedState")}</p>}
      {gift.state === "expired" && <p role="status">{t("expiredState")}</p>}
      {gift.state === "unpaid" && <p role="status">{t("unpaidState")}</p>}
      <Link href="/" className="text-sm text-brand underline">{t("readToday")}</Link>
    </div>
  );
}
