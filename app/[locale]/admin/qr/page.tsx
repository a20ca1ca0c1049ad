import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { QrAnalytics } from "@/components/admin/qr-analytics";
import { QrIssueBulkForm } from "@/components/admin/qr-tools";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { funnelByCode, qrSummary, scansPerDay, statsByCode } from "@/lib/qr/analytics";
import { stateLabel, windowText } from "./format";
import { Gloss } from "./gloss";
import type { QrCodeRow } from "@/lib/qr/codes-admin";
import { describeTargets, listCampaigns, listQrCodes, liveState, recentIssues } from "@/lib/qr/codes-view";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminQr.meta" });
  return { title: t("list") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const DAYS = 30;

export default async function QrCodesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale: param } = await params;
  const locale = param as Locale;
  setRequestLocale(locale);
  await requireStaff("/admin/qr");
  const t = await getTranslations("adminQr.list");
  const query = await searchParams;
  const campaigns = await listCampaigns();
  const campaign = campaigns.includes(one(query.campaign)) ? one(query.campaign) : null;
  const [codes, issues, series, summary] = await Promise.all([
    listQrCodes({ campaign }),
    recentIssues(),
    scansPerDay(campaign ? { campaign } : {}, DAYS),
    qrSummary(campaign ? { campaign } : {}, DAYS),
  ]);
  const ids = codes.map((c) => c.id);
  const [stats, funnel, targets] = await Promise.all([statsByCode(ids), funnelByCode(ids), describeTargets(codes, locale)]);
  const deleted = one(query.done) === "deleted" ? one(query.code).replace(/[^A-Z0-9]/g, "") : null;
  const csvHref = campaign ? `/admin/qr/export.csv?campaign=${encodeURIComponent(campaign)}` : "/admin/qr/export.csv";

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            {t("title")}<Gloss text={t("titleGloss")} className="font-sans text-sm font-normal text-muted" />
          </h1>
          <p className="mt-1 text-sm text-muted">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/qr/campaigns" className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            {t("campaigns")}<Gloss text={t("campaignsGloss")} className="ml-1 text-xs text-muted" />
          </Link>
          <a href={csvHref} className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            {t("export")}<Gloss text={t("exportGloss")} className="ml-1 text-xs text-muted" />
          </a>
          <Link href="/admin/qr/new" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            {t("new")}<Gloss text={t("newGloss")} className="ml-1 text-xs opacity-80" />
          </Link>
        </div>
      </header>

      {deleted ? (
        <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
          {t("deleted", { code: deleted })}
        </p>
      ) : null}

      <section aria-labelledby="qr-bulk-heading" className="space-y-2 rounded-lg border border-rule bg-white/60 p-4">
        <h2 id="qr-bulk-heading" className="font-semibold">
          {t("bulkTitle")}<Gloss text={t("bulkGloss")} className="text-xs font-normal text-muted" />
        </h2>
        <p className="text-sm text-muted">{t("bulkIntro")}</p>
        <QrIssueBulkForm issues={issues} />
      </section>

      <section aria-labelledby="qr-list-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="qr-list-heading" className="font-semibold">
            {t("allCodes")}<Gloss text={t("allCodesGloss", { count: codes.length })} className="text-xs font-normal text-muted" />
          </h2>
          {campaigns.length ? (
            <form method="get" action="/admin/qr" className="flex flex-wrap items-end gap-2" aria-label={t("filterForm")}>
              <div className="space-y-1">
                <label htmlFor="qr-filter-campaign" className="block text-sm font-medium">
                  {t("campaign")}<Gloss text={t("campaignGloss")} className="text-xs font-normal text-muted" />
                </label>
                <select id="qr-filter-campaign" name="campaign" defaultValue={campaign ?? ""} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
                  <option value="">{t("allCampaigns")}</option>
                  {campaigns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
                {t("filter")}<Gloss text={t("filterGloss")} className="text-xs text-muted" />
              </button>
              {campaign ? (
                <Link href="/admin/qr" className="py-2 text-sm text-muted hover:text-brand">
                  {t("clearFilter")}
                </Link>
              ) : null}
            </form>
          ) : null}
        </div>
        {codes.length === 0 ? (
          <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption", { count: codes.length })}</caption>
              <thead className="border-b border-rule text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.label")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.code")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.placement")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.destination")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.state")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.window")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.scans7")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.visitors7")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.signups")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.subscriptions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {codes.map((code) => (
                  <CodeRow key={code.id} locale={locale} code={code} target={targets.get(code.id)} stats={stats.get(code.id)} funnel={funnel.get(code.id)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="qr-stats-heading" className="space-y-3">
        <h2 id="qr-stats-heading" className="font-semibold">
          {campaign ? t("statsCampaign", { campaign }) : t("stats")}<Gloss text={t("statsGloss", { days: DAYS })} className="text-xs font-normal text-muted" />
        </h2>
        <QrAnalytics title={campaign ? t("chartTitleCampaign", { days: DAYS, campaign }) : t("chartTitle", { days: DAYS })} series={series} summary={summary} days={DAYS} />
      </section>
    </div>
  );
}

function CodeRow({
  locale,
  code,
  target,
  stats,
  funnel,
}: {
  locale: Locale;
  code: QrCodeRow;
  target?: { placement: string; destination: string };
  stats?: { scans: number; visitors: number };
  funnel?: { signups: number; subscriptions: number };
}) {
  const state = liveState(code);
  return (
    <tr data-qr-code={code.code}>
      <td className="px-3 py-2">
        <Link href={`/admin/qr/${code.id}`} className="font-medium hover:text-brand hover:underline">
          {code.label}
        </Link>
      </td>
      <td className="px-3 py-2 font-mono">{code.code}</td>
      <td className="px-3 py-2">{target?.placement}</td>
      <td className="max-w-xs truncate px-3 py-2" title={target?.destination}>
        {target?.destination}
      </td>
      <td className="px-3 py-2">
        <span className={state === "live" ? "text-green-800" : "text-muted"}>{stateLabel(state, locale)}</span>
      </td>
      <td className="px-3 py-2 text-muted">{windowText(code, locale)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{stats?.scans ?? 0}</td>
      <td className="px-3 py-2 text-right tabular-nums">{stats?.visitors ?? 0}</td>
      <td className="px-3 py-2 text-right tabular-nums">{funnel?.signups ?? 0}</td>
      <td className="px-3 py-2 text-right tabular-nums">{funnel?.subscriptions ?? 0}</td>
    </tr>
  );
}
