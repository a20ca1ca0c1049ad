import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { inspectLinkToken } from "@/lib/tokens";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { NewPasswordForm } from "./new-password-form";

type Params = Promise<{ locale: string; token: string }>;

// The token is in the path: never send it on to another site in a Referer.
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.newPassword" });
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function NewPasswordPage({ params }: { params: Params }) {
  const { locale, token } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.newPassword");
  // Only looked at here; the token is used up when the new password is saved.
  const link = await inspectLinkToken("reset_password", token);
  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <Panel>
        {link?.state === "usable" ? (
          <NewPasswordForm token={token} />
        ) : (
          <>
            <p role="alert" className="text-ink">
              {t("invalid")}
            </p>
            <p className="mt-4">
              <Link href="/reset-password" className="text-brand underline-offset-4 hover:underline">
                {t("requestAgain")}
              </Link>
            </p>
          </>
        )}
      </Panel>
    </AccountShell>
  );
}
