import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loginPageNotice } from "@/lib/auth-messages";
import { getViewer } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { safeNext } from "@/lib/safe-next";
import { AccountShell, Gloss, Panel } from "@/components/ui/form-parts";
import { EmailSignInForms, PasswordSignInForm } from "./login-forms";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.login" });
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.login");
  const query = await searchParams;
  const rawNext = one(query.next);
  // Passed on only once checked; an unsafe ?next= becomes "/".
  const next = rawNext ? safeNext(rawNext) : undefined;

  if (await getViewer()) redirect(next && !next.startsWith("/login") ? next : "/account");

  const notice = loginPageNotice(one(query.error), one(query.code), locale as Locale);
  const registerHref = next ? `/register?next=${encodeURIComponent(next)}` : "/register";

  return (
    <AccountShell title={t("title")} english={t("titleEnglish")} wide>
      {one(query.signedOut) === "everywhere" ? (
        <p role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("signedOutEverywhere")}
          <Gloss text={t("signedOutEverywhereEnglish")} className="ml-1" />
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Panel labelledBy="password-signin-heading">
          <h2 id="password-signin-heading" className="mb-4 font-serif text-lg font-bold">
            {t("passwordHeading")} <Gloss text={t("passwordHeadingEnglish")} />
          </h2>
          <PasswordSignInForm next={next} notice={notice} />
          <p className="mt-4 text-sm">
            <Link href="/reset-password" className="text-brand underline-offset-4 hover:underline">
              {t("forgotPassword")}
            </Link>
          </p>
        </Panel>
        <Panel labelledBy="email-signin-heading">
          <h2 id="email-signin-heading" className="mb-4 font-serif text-lg font-bold">
            {t("emailHeading")} <Gloss text={t("emailHeadingEnglish")} />
          </h2>
          <EmailSignInForms next={next} />
        </Panel>
      </div>
      <p className="mt-8 text-center text-sm text-muted">
        {t("noAccount")}
        <Link href={registerHref} className="ml-1 text-brand underline underline-offset-4 hover:decoration-2">
          {t("registerFree")}
        </Link>
      </p>
    </AccountShell>
  );
}
