import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { COMP_DURATIONS, COMP_NOTE_MAX } from "@/lib/billing/comp";
import type { Locale } from "@/lib/i18n/config";
import { money, paperDateTime } from "@/lib/i18n/format";
import { describeReaderAccess, readerDetail } from "@/lib/readers-admin";
import { GrantCompForm, RevokeCompButton, RoleForm } from "../reader-forms";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.readers.detail" });
  return { title: t("metaTitle") };
}

// Values stored by other modules, shown in words when known (else as stored).
const METHODS = ["password", "email_code", "email_link", "invitation"] as const;
const DEVICES = ["ios", "android", "desktop", "other"] as const;
const GIFT_STATUSES = ["pending", "paid", "claimed"] as const;
const PAYMENT_STATUSES = ["pending", "paid", "failed"] as const;
const known = <K extends string>(list: readonly K[], value: string | null): value is K => list.includes(value as K);

function Section({ id, title, english, children }: { id: string; title: string; english: string; children: ReactNode }) {
  return (
    <Panel labelledBy={id}>
      <h2 id={id} className="mb-3 font-serif text-lg font-bold">
        {title} {english ? <span className="font-sans text-xs font-normal text-muted">{english}</span> : null}
      </h2>
      {children}
    </Panel>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="text-sm text-muted">{children}</p>;
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export default async function ReaderPage({ params }: Props) {
  const { locale: param, id } = await params;
  const locale = param as Locale;
  setRequestLocale(locale);
  const viewer = await requireStaff(`/admin/readers/${encodeURIComponent(id)}`, ["admin"]);
  const detail = await readerDetail(id, new Date(), locale);
  if (!detail) notFound();
  const t = await getTranslations("adminPeople.readers.detail");
  const roles = await getTranslations("adminPeople.roles");
  const { reader } = detail;
  const access = describeReaderAccess(detail.access, locale);
  const durations = (Object.keys(COMP_DURATIONS) as (keyof typeof COMP_DURATIONS)[]).map((value) => ({
    value,
    label: t(`durations.${value}.label`),
    english: t(`durations.${value}.hint`),
  }));
  const when = (at: Date | null) => (at ? paperDateTime(at, locale) : "—");
  const yuan = (fen: number | null) => (fen == null ? "—" : locale === "zh-CN" ? `¥${(fen / 100).toFixed(2)}` : money(fen, locale));
  const method = (m: string) => (known(METHODS, m) ? t(`signIns.methods.${m}`) : m);
  const device = (d: string | null) => {
    const value = d ?? "other";
    return known(DEVICES, value) ? t(`signIns.devices.${value}`) : d;
  };
  const giftStatus = (status: string) => (known(GIFT_STATUSES, status) ? t(`gifts.statuses.${status}`) : status);
  const paymentStatus = (status: string) => (known(PAYMENT_STATUSES, status) ? t(`payments.statuses.${status}`) : status);

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/readers" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold break-all">
        {reader.name ?? reader.email} {t("titleHint") ? <span className="font-sans text-sm font-normal text-muted">{t("titleHint")}</span> : null}
      </h1>

      <Section id="reader-account" title={t("account.title")} english={t("account.hint")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">{t("account.email")}</dt>
          <dd className="break-all">
            {reader.email}{" "}
            {reader.emailVerified ? <span className="text-xs text-emerald-800">{t("account.verified")}</span> : <span className="text-xs text-muted">{t("account.unverified")}</span>}
          </dd>
          <dt className="text-muted">{t("account.name")}</dt>
          <dd>{reader.name ?? "—"}</dd>
          <dt className="text-muted">{t("account.role")}</dt>
          <dd>{roles(reader.role)}</dd>
          <dt className="text-muted">{t("account.signInMethod")}</dt>
          <dd>{reader.hasPassword ? t("account.passwordOrEmail") : t("account.emailOnly")}</dd>
          <dt className="text-muted">{t("account.createdAt")}</dt>
          <dd>{paperDateTime(reader.createdAt, locale)}</dd>
          <dt className="text-muted">{t("account.access")}</dt>
          <dd className={access.active ? "font-medium text-emerald-800" : ""}>{access.active ? t("account.accessActive", { text: access.text }) : access.text}</dd>
          <dt className="text-muted">{t("account.stripeCustomer")}</dt>
          <dd className="font-mono text-xs">{detail.stripeCustomerId ?? "—"}</dd>
        </dl>
      </Section>

      <Section id="reader-windows" title={t("windows.title")} english={t("windows.hint")}>
        {detail.windows.length === 0 ? (
          <Empty>{t("windows.empty")}</Empty>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-rule text-xs text-muted">
                <tr>
                  <th scope="col" className={th}>{t("windows.source")}</th>
                  <th scope="col" className={th}>{t("windows.start")}</th>
                  <th scope="col" className={th}>{t("windows.end")}</th>
                  <th scope="col" className={th}>{t("windows.details")}</th>
                  <th scope="col" className={th}><span className="sr-only">{t("windows.actions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {detail.windows.map((w) => (
                  <tr key={w.id} data-window-id={w.id} data-source={w.source}>
                    <td className={td}>
                      {w.sourceLabel}
                      {w.activeNow ? <span className="ml-1 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">{t("windows.activeNow")}</span> : null}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{when(w.startsAt)}</td>
                    <td className={`${td} whitespace-nowrap`}>{w.endsAt ? when(w.endsAt) : t("windows.openEnded")}</td>
                    <td className={`${td} break-all`}>{w.referenceText}</td>
                    <td className={td}>{w.revocable ? <RevokeCompButton userId={reader.id} windowId={w.id} description={w.referenceText} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="reader-comp" title={t("comp.title")} english={t("comp.hint")}>
        <GrantCompForm userId={reader.id} durations={durations} noteMax={COMP_NOTE_MAX} />
      </Section>

      <Section id="reader-subscriptions" title={t("subscriptions.title")} english={t("subscriptions.hint")}>
        {detail.subscriptions.length === 0 ? (
          <Empty>{t("subscriptions.empty")}</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {detail.subscriptions.map((s) => (
              <li key={s.id} className="rounded-md border border-rule bg-white px-3 py-2">
                <p>
                  <span className="font-medium">{s.planName ?? t("subscriptions.unknownPlan")}</span> · {t("subscriptions.status")} <span className="font-mono">{s.status}</span>
                  {s.cancelAtPeriodEnd ? <span className="ml-2 text-brand">{t("subscriptions.cancelAtPeriodEnd")}</span> : null}
                </p>
                <p className="text-muted">
                  {t("subscriptions.periodEnd", { date: when(s.currentPeriodEnd) })}
                  {s.trialEnd ? t("subscriptions.trialEnd", { date: when(s.trialEnd) }) : ""}
                  {s.endedAt ? t("subscriptions.endedAt", { date: when(s.endedAt) }) : ""} · <span className="font-mono text-xs">{s.id}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-payments" title={t("payments.title")} english={t("payments.hint")}>
        {detail.payments.length === 0 ? (
          <Empty>{t("payments.empty")}</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.payments.map((p) => (
              <li key={p.id}>
                {p.planName} · {yuan(p.amountFen)} · {paymentStatus(p.status)} · {when(p.paidAt ?? p.createdAt)}
                {p.paymentMethodType ? ` · ${p.paymentMethodType}` : ""} <span className="font-mono text-xs text-muted">{p.id}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-sign-ins" title={t("signIns.title")} english={t("signIns.hint")}>
        {detail.signIns.length === 0 ? (
          <Empty>{t("signIns.empty")}</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.signIns.map((s, i) => (
              <li key={i}>
                {paperDateTime(s.at, locale)} · {method(s.method)} · {device(s.device)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-gifts" title={t("gifts.title")} english={t("gifts.hint")}>
        <h3 className="mb-1 text-sm font-medium">{t("gifts.bought")}</h3>
        {detail.giftsBought.length === 0 ? (
          <Empty>{t("gifts.boughtEmpty")}</Empty>
        ) : (
          <ul className="mb-3 space-y-1 text-sm">
            {detail.giftsBought.map((g) => (
              <li key={g.id}>
                {t("gifts.boughtItem", { id: g.id, plan: g.planName, months: g.months, recipient: g.recipientEmail, status: giftStatus(g.status) })}
                {g.claimedByEmail ? t("gifts.claimedBy", { email: g.claimedByEmail, date: when(g.claimedAt) }) : ""}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-1 text-sm font-medium">{t("gifts.claimed")}</h3>
        {detail.giftsClaimed.length === 0 ? (
          <Empty>{t("gifts.claimedEmpty")}</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.giftsClaimed.map((g) => (
              <li key={g.id}>
                {t("gifts.claimedItem", { id: g.id, plan: g.planName, months: g.months, buyer: g.buyerEmail, date: when(g.claimedAt) })}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-role" title={t("role.title")} english={t("role.hint")}>
        <p className="mb-3 text-sm text-muted">
          {t("role.note")}
          {reader.id === viewer.id ? t("role.self") : ""}
        </p>
        <RoleForm userId={reader.id} role={reader.role} />
      </Section>
    </div>
  );
}
