import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActivationStatus } from "@/components/billing/activation-status";
import { requireViewer } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.checkout" });
  return { title: t("successTitle") };
}

export default async function CheckoutSuccessPage({ params, searchParams }: { params: Params; searchParams: Promise<{ session_id?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const { session_id: sessionId } = await searchParams;
  if (typeof sessionId !== "string" || !/^cs_\w{1,200}$/.test(sessionId)) notFound();
  await requireViewer(`/subscribe/success?session_id=${sessionId}`);
  return (
    <div className="mx-auto max-w-lg py-8">
      <ActivationStatus sessionId={sessionId} />
    </div>
  );
}
