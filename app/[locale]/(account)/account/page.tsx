import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BillingPanel } from "@/components/billing/billing-panel";
import { NextIssueNotice } from "@/components/reader/next-issue-notice";
import { readerNextIssue } from "@/lib/calendar";
import { getAccountAccess, getViewer } from "@/lib/access";
import { getBillingOverview } from "@/lib/billing/overview";
import { describeAccess } from "@/lib/account-access-view";
import type { Locale } from "@/lib/i18n/config";
import { findUserById } from "@/lib/users";
import { AccountShell, Gloss, Panel } from "@/components/ui/form-parts";
import { ResendVerificationForm } from "./account-forms";
import { PauseNoticeForm } from "./pause-notice-form";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { DeliveryHoldsLink } from "./delivery/delivery-link";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "account.account" });
  return { title: t("title") };
}

const toneStyles = {
  active: "border-emerald-700/30 bg-emerald-50 text-emerald-900",
  upcoming: "border-rule bg-white text-ink",
  lapsed: "border-brand/30 bg-brand/5 text-brand-dark",
  none: "border-rule bg-white text-ink",
} as const;

export default async function AccountPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await connection();
  const t = await getTranslations("account.account");
  const query = await searchParams;
  const denied = query.denied !== undefined;
  const notice = query.manage !== undefined ? t("manageNotice") : query.gift === "claimed" ? t("giftClaimed") : null;
  const viewer = await getViewer();
  // The JWT only says who signed in; the database says whether that account still exists.
  const user = viewer ? await findUserById(viewer.id) : null;
  if (!user) redirect("/login?next=/account");

  const [summary, billing, upcoming] = await Promise.all([getAccountAccess(user.id), getBillingOverview(user.id), readerNextIssue()]);
  const access = describeAccess(summary, locale as Locale);

  return (
    <AccountShell title={t("title")} english={t("titleEnglish")}>
      <div className="space-y-6">
        {notice ? (
          <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
        {denied ? (
          <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
            {t("denied")}
          </p>
        ) : null}
        <Panel labelledBy="account-access-heading">
          <h2 id="account-access-heading" className="mb-3 font-serif text-lg font-bold">
            {t("subscriptionHeading")} <Gloss text={t("subscriptionHeadingEnglish")} />
          </h2>
          <div className={`rounded-md border px-4 py-3 ${toneStyles[access.tone]}`}>
            <p className="text-base font-medium">{access.headline}</p>
            {access.source ? <p className="mt-1 text-sm opacity-80">{t("source", { source: access.source })}</p> : null}
          </div>
          {access.invite ? (
            <p className="mt-4">
              <Link
                href="/subscribe"
                className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
              >
                {access.tone === "lapsed" ? t("renew") : t("subscribe")}
              </Link>
            </p>
          ) : null}
        </Panel>

        <NextIssueNotice info={upcoming} />

        <PauseNoticeForm optedIn={user.pauseNoticeOptIn} />

        <BillingPanel overview={billing} />

        <DeliveryHoldsLink userId={user.id} />

        <Panel labelledBy="account-profile-heading">
          <h2 id="account-profile-heading" className="mb-3 font-serif text-lg font-bold">
            {t("profileHeading")} <Gloss text={t("profileHeadingEnglish")} />
          </h2>
          <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-3 text-sm sm:grid-cols-[6rem_1fr]">
            <dt className="text-muted">{t("name")}</dt>
            <dd>{user.name ?? t("notSet")}</dd>
            <dt className="text-muted">{t("email")}</dt>
            <dd className="break-all">
              {user.email}
              <span className={`ml-2 inline-block rounded px-1.5 text-xs ${user.emailVerified ? "bg-emerald-50 text-emerald-800" : "bg-brand/10 text-brand"}`}>
                {user.emailVerified ? t("verified") : t("unverified")}
              </span>
              {user.emailVerified ? null : <ResendVerificationForm />}
            </dd>
            <dt className="text-muted">{t("role")}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </dl>
        </Panel>

        <div className="flex flex-col gap-3 sm:flex-row">
          <form action={signOutAction}>
            <button
              type="submit"
              className="w-full rounded-md border border-rule bg-white px-4 py-2.5 text-base text-ink transition hover:border-ink sm:w-auto"
            >
              {t("signOut")} <Gloss text={t("signOutEnglish")} className="ml-1 text-sm text-muted" />
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="w-full rounded-md border border-rule bg-white px-4 py-2.5 text-base text-ink transition hover:border-ink sm:w-auto"
            >
              {t("signOutEverywhere")} <Gloss text={t("signOutEverywhereEnglish")} className="ml-1 text-sm text-muted" />
            </button>
          </form>
        </div>
      </div>
    </AccountShell>
  );
}
