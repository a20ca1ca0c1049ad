import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireViewer } from "@/lib/access";
import { lastIncludedDay } from "@/lib/account-access-view";
import { giftsBoughtBy } from "@/lib/billing/gifts";
import { planText } from "@/lib/billing/plan-catalog";
import { dateInZone } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { parseIdParam } from "@/lib/params";
import { SendGiftForm } from "../../gift-forms";
import { RefreshUntilPaid } from "./refresh-until-paid";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.gift" });
  return { title: t("sentTitle") };
}

/** The buyer's view of one gift: its claim link once paid, who claimed it and when. */
export default async function GiftSentPage({ params }: { params: Params }) {
  const { locale: rawLocale, id: raw } = await params;
  const locale = rawLocale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("account.gift");
  const id = parseIdParam(raw);
  const viewer = await requireViewer(`/gift/sent/${raw}`);
  const [gift] = id ? await giftsBoughtBy(viewer.id, id) : [];
  if (!gift) notFound();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-4">
      <h1 className="font-serif text-2xl font-bold">{t("sentHeading", { plan: planText(gift.planName, locale) })}</h1>
      <p className="text-sm">{t("recipientLine", { email: gift.recipientEmail })}</p>
      {gift.status === "pending" && <RefreshUntilPaid />}
      {gift.claimLink && gift.status === "paid" && (
        <div className="space-y-3 rounded-lg border border-rule bg-white p-4">
          <p className="font-medium">{t("paid")}</p>
          <p className="break-all rounded bg-stone-100 p-2 font-mono text-sm" data-testid="claim-link">{gift.claimLink}</p>
          <p className="text-xs text-muted">{t("validUntil", { date: lastIncludedDay(gift.expiresAt, locale) })}</p>
          <SendGiftForm giftId={gift.id} sentBefore={gift.recipientNotifiedAt !== null} />
        </div>
      )}
      {gift.status === "claimed" && (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm">
          {t("claimedBy", { who: gift.claimedByEmail ?? t("recipientFallback"), date: gift.claimedAt ? paperDate(dateInZone(gift.claimedAt), locale) : "" })}
        </p>
      )}
      <Link href="/gift" className="text-sm text-brand underline">{t("backToGifts")}</Link>
    </div>
  );
}
