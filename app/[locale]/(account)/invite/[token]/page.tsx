import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { getViewer } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";
import { inspectInvitation } from "@/lib/invitations";
import { formatPaperTime } from "@/lib/issues-admin";
import { AcceptInvitationForm } from "../accept-form";

type Params = Promise<{ locale: string; token: string }>;

// The token is in the path: never send it on to another site in a Referer.
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.invite" });
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

/** Shows the invitation; only the form's POST uses it up. */
export default async function InvitationPage({ params }: { params: Params }) {
  const { locale: raw, token } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations("account.invite");
  const [invitation, viewer] = await Promise.all([inspectInvitation(token), getViewer()]);
  const wrongAccount = Boolean(viewer && invitation && viewer.email.toLowerCase() !== invitation.email);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <Panel>
        {!invitation ? (
          <p role="alert">{t("invalid")}</p>
        ) : invitation.state !== "usable" ? (
          <div className="space-y-4">
            <p role="alert">{t(`states.${invitation.state}`)}</p>
            <Link href="/login?next=/admin" className="inline-block text-brand underline-offset-4 hover:underline">
              {t("goToLogin")}
            </Link>
          </div>
        ) : wrongAccount ? (
          <div className="space-y-3">
            <p role="alert">{t.rich("wrongAccount", { invited: invitation.email, current: viewer!.email, strong })}</p>
            <Link href="/account" className="inline-block text-brand underline-offset-4 hover:underline">
              {t("myAccount")}
            </Link>
          </div>
        ) : (
          <div className="space-y-4">
            <p>{t.rich("invited", { role: invitation.role, strong })}</p>
            <p className="text-sm text-muted">
              {t("details", {
                email: invitation.email,
                // The Chinese wording keeps the admin pages' time format.
                until: locale === "zh-CN" ? formatPaperTime(invitation.expiresAt) : paperDateTime(invitation.expiresAt, locale),
              })}
            </p>
            {invitation.hasAccount ? (
              <p className="text-sm">{viewer ? t("afterAcceptSignedIn") : t("afterAcceptExisting")}</p>
            ) : (
              <p className="text-sm">{t("needsAccount")}</p>
            )}
            <AcceptInvitationForm token={token} needsAccount={!invitation.hasAccount} signedIn={Boolean(viewer)} />
          </div>
        )}
      </Panel>
    </AccountShell>
  );
}
