import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { RequestResetForm } from "./request-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.resetPassword" });
  return { title: t("title") };
}

export default async function ResetPasswordPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.resetPassword");
  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <Panel>
        <p className="mb-5 text-sm text-muted">{t("intro")}</p>
        <RequestResetForm />
      </Panel>
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="text-brand underline-offset-4 hover:underline">
          {t("backToLogin")}
        </Link>
      </p>
    </AccountShell>
  );
}
