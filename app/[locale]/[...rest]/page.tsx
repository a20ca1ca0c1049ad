import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

// Any address no page claims: the [locale] layout's not-found page, in the reader's language.
export default async function UnknownPage({ params }: { params: Promise<{ locale: string; rest: string[] }> }) {
  setRequestLocale((await params).locale as Locale);
  notFound();
}
