import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MissingDayHelp } from "@/components/reader/missing-day-help";

export default async function NotFound() {
  const [t, locale] = await Promise.all([getTranslations("reader.notFound"), getLocale()]);
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-serif text-6xl font-black text-brand">404</p>
      <h1 className="mt-2 text-xl font-bold">{t("heading")}</h1>
      <MissingDayHelp locale={locale} />
      <p className="mt-8 flex justify-center gap-4 text-sm">
        <Link href="/" className="text-brand underline">{t("today")}</Link>
        <Link href="/archive" className="text-brand underline">{t("archive")}</Link>
      </p>
    </div>
  );
}
