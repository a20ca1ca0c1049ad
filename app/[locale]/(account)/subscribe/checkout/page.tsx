import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InAppHint } from "@/components/reader/in-app-hint";
import { requireViewer } from "@/lib/access";
import { hasLiveSubscription, notConfiguredMessage } from "@/lib/billing/checkout";
import { localizePlan } from "@/lib/billing/plan-catalog";
import { getPlan } from "@/lib/billing/plans";
import { isBillingConfigured } from "@/lib/billing/stripe";
import type { Locale } from "@/lib/i18n/config";
import { money } from "@/lib/i18n/format";
import { CheckoutForm } from "./checkout-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.checkout" });
  return { title: t("title") };
}

/** The chosen plan, confirmed by a signed-in reader; anonymous readers sign in and come back here. */
export default async function CheckoutPage({ params, searchParams }: { params: Params; searchParams: Promise<{ plan?: string }> }) {
  const { locale: raw } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("account.checkout");
  const { plan: key } = await searchParams;
  if (typeof key !== "string" || key.length > 64) notFound();
  const viewer = await requireViewer(`/subscribe/checkout?plan=${encodeURIComponent(key)}`);
  const stored = await getPlan(key);
  if (!stored?.active) notFound();
  if (stored.kind === "recurring" && (await hasLiveSubscription(viewer.id))) redirect("/account?manage=1#billing");
  const plan = localizePlan(stored, locale);

  return (
    <div className="mx-auto max-w-lg space-y-5 py-4">
      <h1 className="font-serif text-2xl font-bold">{t("title")}</h1>
      <section aria-label={t("planLabel")} className="rounded-lg border border-rule bg-white p-5">
        <p className="text-lg font-bold">{plan.name}</p>
        <p className="mt-1 text-2xl font-black text-brand">{money(plan.amountFen, locale)}</p>
        <p className="mt-2 text-sm text-muted">{plan.description}</p>
        <p className="mt-2 text-sm">{t("account", { email: viewer.email })}</p>
        {plan.includesPrint && <p className="mt-2 text-sm">{t("address")}</p>}
      </section>
      {isBillingConfigured() ? (
        <>
          <InAppHint />
          <CheckoutForm planKey={plan.key} />
        </>
      ) : (
        <p role="note" className="rounded border border-brand/30 bg-white p-4 text-sm">{notConfiguredMessage(locale)}</p>
      )}
      <p className="text-sm">
        <Link href="/subscribe" className="text-brand underline">{t("back")}</Link>
      </p>
    </div>
  );
}
