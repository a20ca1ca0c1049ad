import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { campaignTotals } from "@/lib/qr/analytics";
import { Gloss } from "../gloss";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminQr.meta" });
  return { title: t("campaigns") };
}

const rate = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : "—");

export default async function QrCampaignsPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireStaff("/admin/qr/campaigns");
  const t = await getTranslations("adminQr");
  const rows = await campaignTotals();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/qr" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <header>
        <h1 className="font-serif text-2xl font-bold">
          {t("campaigns.title")}<Gloss text={t("campaigns.titleGloss")} className="font-sans text-sm font-normal text-muted" />
        </h1>
        <p className="mt-1 text-sm text-muted">{t("campaigns.intro")}</p>
      </header>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{t("campaigns.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("campaigns.caption", { count: rows.length })}</caption>
            <thead className="border-b border-rule text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("campaigns.columns.campaign")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.codes")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.scans")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.visitors")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.signups")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.subscriptions")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.rate")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("campaigns.columns.bots")}</th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("campaigns.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((r) => (
                <tr key={r.campaign} data-campaign={r.campaign}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/admin/qr?campaign=${encodeURIComponent(r.campaign)}`} className="hover:text-brand hover:underline">
                      {r.campaign}
                    </Link>
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{r.codes}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.scans}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.visitors}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.signups}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.subscriptions}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{rate(r.subscriptions, r.visitors)}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-muted">{r.bots}</td>
                  <td className="px-3 py-2">
                    <a href={`/admin/qr/export.csv?campaign=${encodeURIComponent(r.campaign)}`} className="text-brand hover:underline">
                      CSV
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
