import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireViewer } from "@/lib/access";
import { notConfiguredMessage } from "@/lib/billing/checkout";
import { giftsBoughtBy } from "@/lib/billing/gifts";
import { planText } from "@/lib/billing/plan-catalog";
import { listPlans } from "@/lib/billing/plans";
import { isBillingConfigured } from "@/lib/billing/stripe";
import type { Locale } from "@/lib/i18n/config";
import { money } from "@/lib/i18n/format";
import { BuyGiftForm } from "./gift-forms";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.gift" });
  return { title: t("title") };
}

export default async function GiftPage({ params, searchParams }: { params: Params; searchParams: Promise<{ canceled?: string }> }) {
  const { locale: raw } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("account.gift");
  const viewer = await requireViewer("/gift");
  const [plans, bought, { canceled }] = await Promise.all([listPlans(), giftsBoughtBy(viewer.id), searchParams]);
  const giftable = plans.filter((p) => p.giftable).map((p) => ({ key: p.key, label: `${planText(p.name, locale)} · ${money(p.amountFen, locale)}` }));
  return (
    <div className="mx-auto max-w-lg space-y-6 py-4">
      <header>
        <h1 className="font-serif text-2xl font-bold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </header>
      {canceled && <p role="status" className="rounded border border-rule bg-white p-3 text-sm">{t("canceled")}</p>}
      {isBillingConfigured() ? <BuyGiftForm plans={giftable} /> : <p role="note" className="rounded border border-brand/30 bg-white p-4 text-sm">{notConfiguredMessage(locale)}</p>}
      {bought.length > 0 && (
        <section aria-labelledby="bought-heading">
          <h2 id="bought-heading" className="mb-2 font-bold">{t("boughtHeading")}</h2>
          <ul className="space-y-2 text-sm">
            {bought.map((g) => (
              <li key={g.id} className="rounded border border-rule bg-white p-3">
                <Link href={`/gift/sent/${g.id}`} className="text-brand underline">{planText(g.planName, locale)}</Link> → {g.recipientEmail} ·{" "}
                {t(`statuses.${g.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
