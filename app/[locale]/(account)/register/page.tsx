import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { safeNext } from "@/lib/safe-next";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { RegisterForm } from "./register-form";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.register" });
  return { title: t("title") };
}

export default async function RegisterPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.register");
  const raw = (await searchParams).next;
  const rawNext = Array.isArray(raw) ? raw[0] : raw;
  const next = rawNext ? safeNext(rawNext) : undefined;
  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <Panel>
        <RegisterForm next={next} />
      </Panel>
      <p className="mt-6 text-center text-sm text-muted">
        {t("haveAccount")}
        <Link href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"} className="ml-1 text-brand underline underline-offset-4 hover:decoration-2">
          {t("signIn")}
        </Link>
      </p>
    </AccountShell>
  );
}
