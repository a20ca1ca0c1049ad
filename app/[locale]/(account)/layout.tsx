import { NextIntlClientProvider } from "next-intl";
import { getMessages, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

/**
 * The account area's forms are client components that translate with
 * useTranslations; only the account catalog ships to the browser (reader pages
 * pass labels as props instead, so they ship none).
 */
export default async function AccountAreaLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  const { common, account } = await getMessages();
  return <NextIntlClientProvider messages={{ common, account }}>{children}</NextIntlClientProvider>;
}
