import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { QrAnalytics } from "@/components/admin/qr-analytics";
import { QrCodeForm } from "@/components/admin/qr-code-form";
import { QrDownloadForm } from "@/components/admin/qr-download-form";
import { QrDeleteButton, QrEnableToggle } from "@/components/admin/qr-tools";
import { requireStaff } from "@/lib/access";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";
import { qrSummary, scansPerDay } from "@/lib/qr/analytics";
import { shortUrl } from "@/lib/qr/code";
import { describeTargets, formValuesOf, getQrCode, liveState, recentIssues } from "@/lib/qr/codes-view";
import { hasCjkFont, qrSvg } from "@/lib/qr/print";
import { stateLabel, windowText } from "../format";
import { Gloss } from "../gloss";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminQr.meta" });
  return { title: t("code") };
}

const DAYS = 30;
const notices = ["created", "enabled", "disabled"] as const;
const isNotice = (value: unknown): value is (typeof notices)[number] => typeof value === "string" && (notices as readonly string[]).includes(value);

export default async function QrCodePage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: param, id } = await params;
  const locale = param as Locale;
  setRequestLocale(locale);
  await requireStaff(`/admin/qr/${id}`);
  const t = await getTranslations("adminQr");
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const code = await getQrCode(Number(id));
  if (!code) notFound();
  const query = await searchParams;
  const done = isNotice(query.done) ? t(`code.notices.${query.done}`) : undefined;
  const url = shortUrl(code.code, env().APP_URL);
  const [initial, issues, targets, series, summary, cjkFont] = await Promise.all([
    formValuesOf(code),
    recentIssues(60, [code.placementIssueId, code.destinationIssueId]),
    describeTargets([code], locale),
    scansPerDay({ codeId: code.id }, DAYS),
    qrSummary({ codeId: code.id }, DAYS),
    hasCjkFont(),
  ]);
  const target = targets.get(code.id);
  const state = liveState(code);
  // A preview only (no logo or caption): an <img> of our own SVG, which can't run anything.
  const preview = `data:image/svg+xml;base64,${Buffer.from(qrSvg({ url, sizeCm: 3 })).toString("base64")}`;

  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin/qr" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <header className="flex flex-wrap items-start gap-6">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URI, nothing for next/image to optimise */}
        <img src={preview} alt={t("code.previewAlt", { code: code.code })} width={144} height={144} className="rounded border border-rule bg-white" />
        <div className="min-w-0 flex-1 space-y-2">
          <h1 className="font-serif text-2xl font-bold">
            {code.label} <span className="font-mono font-sans text-base font-normal text-muted">{code.code}</span>
          </h1>
          <p className="text-sm">
            {t("code.shortUrl")}<Gloss text={t("code.shortUrlGloss")} className="text-xs text-muted" />:{" "}
            <code className="select-all font-mono">{url}</code>
            <span className="ml-2 text-xs text-muted">{t("code.testNote")}</span>
          </p>
          <p className="text-sm text-muted">
            {t(`placements.${code.placement}`)} · {target?.placement} → {target?.destination}
          </p>
          <p className="text-sm">
            {t.rich("code.status", {
              strong: (chunks) => <strong>{chunks}</strong>,
              state: stateLabel(state, locale),
              window: windowText(code, locale),
              created: paperDateTime(code.createdAt, locale),
            })}
          </p>
          <div className="flex flex-wrap gap-3 pt-1">
            <QrEnableToggle id={code.id} enabled={code.enabled} />
          </div>
        </div>
      </header>
      {done ? (
        <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
          {done}
        </p>
      ) : null}

      <section aria-labelledby="qr-download-heading" className="space-y-3 rounded-lg border border-rule bg-white/60 p-4">
        <h2 id="qr-download-heading" className="font-semibold">
          {t("code.download")}<Gloss text={t("code.downloadGloss")} className="text-xs font-normal text-muted" />
        </h2>
        <QrDownloadForm id={code.id} cjkFontMissing={!cjkFont} />
      </section>

      <section aria-labelledby="qr-stats-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="qr-stats-heading" className="font-semibold">
            {t("code.stats")}<Gloss text={t("code.statsGloss", { days: DAYS })} className="text-xs font-normal text-muted" />
          </h2>
          <a href={`/admin/qr/export.csv?code=${code.id}`} className="text-sm text-brand hover:underline">
            {t("code.exportCsv")}
          </a>
        </div>
        <QrAnalytics title={t("code.chartTitle", { code: code.code, days: DAYS })} series={series} summary={summary} days={DAYS} />
      </section>

      <section aria-labelledby="qr-edit-heading" className="mx-auto max-w-2xl space-y-3">
        <h2 id="qr-edit-heading" className="font-semibold">
          {t("code.edit")}<Gloss text={t("code.editGloss")} className="text-xs font-normal text-muted" />
        </h2>
        <p className="text-sm text-muted">{t("code.editIntro", { code: code.code })}</p>
        <QrCodeForm id={code.id} initial={initial} issues={issues} />
      </section>

      <section aria-labelledby="qr-delete-heading" className="space-y-2 border-t border-rule pt-6">
        <h2 id="qr-delete-heading" className="font-semibold">
          {t("code.delete")}<Gloss text={t("code.deleteGloss")} className="text-xs font-normal text-muted" />
        </h2>
        <QrDeleteButton id={code.id} code={code.code} />
      </section>
    </div>
  );
}
