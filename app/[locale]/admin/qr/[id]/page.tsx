import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QrAnalytics } from "@/components/admin/qr-analytics";
import { QrCodeForm } from "@/components/admin/qr-code-form";
import { QrDownloadForm } from "@/components/admin/qr-download-form";
import { QrDeleteButton, QrEnableToggle } from "@/components/admin/qr-tools";
import { requireStaff } from "@/lib/access";
import { env } from "@/lib/env";
import { formatPaperTime } from "@/lib/issues-admin";
import { qrSummary, scansPerDay } from "@/lib/qr/analytics";
import { shortUrl } from "@/lib/qr/code";
import { describeTargets, formValuesOf, getQrCode, liveState, placementLabel, recentIssues } from "@/lib/qr/codes-admin";
import { hasCjkFont, qrSvg } from "@/lib/qr/print";
import { stateLabel, windowText } from "../format";

export const metadata: Metadata = { title: "二维码" };

const DAYS = 30;
const notices: Record<string, string> = {
  created: "二维码已创建。下载印刷文件前,请先用手机扫码试一试。",
  enabled: "二维码已启用。",
  disabled: "二维码已停用:扫码的读者将看到「二维码已停用」页面。",
};

export default async function QrCodePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  await requireStaff(`/admin/qr/${id}`);
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const code = await getQrCode(Number(id));
  if (!code) notFound();
  const query = await searchParams;
  const done = typeof query.done === "string" ? notices[query.done] : undefined;
  const url = shortUrl(code.code, env().APP_URL);
  const [initial, issues, targets, series, summary, cjkFont] = await Promise.all([
    formValuesOf(code),
    recentIssues(60, [code.placementIssueId, code.destinationIssueId]),
    describeTargets([code]),
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
          ← 二维码
        </Link>
      </p>
      <header className="flex flex-wrap items-start gap-6">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URI, nothing for next/image to optimise */}
        <img src={preview} alt={`二维码 ${code.code} 预览`} width={144} height={144} className="rounded border border-rule bg-white" />
        <div className="min-w-0 flex-1 space-y-2">
          <h1 className="font-serif text-2xl font-bold">
            {code.label} <span className="font-mono font-sans text-base font-normal text-muted">{code.code}</span>
          </h1>
          <p className="text-sm">
            短网址 <span className="text-xs text-muted">Short URL</span>:{" "}
            <code className="select-all font-mono">{url}</code>
            <span className="ml-2 text-xs text-muted">(请用手机扫码测试;后台打开也会计入扫码)</span>
          </p>
          <p className="text-sm text-muted">
            {placementLabel[code.placement]} · {target?.placement} → {target?.destination}
          </p>
          <p className="text-sm">
            状态:<strong>{stateLabel[state]}</strong> · 有效期:{windowText(code)} · 创建于 {formatPaperTime(code.createdAt)}
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
          下载印刷文件 <span className="text-xs font-normal text-muted">Print downloads</span>
        </h2>
        <QrDownloadForm id={code.id} cjkFontMissing={!cjkFont} />
      </section>

      <section aria-labelledby="qr-stats-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="qr-stats-heading" className="font-semibold">
            扫码统计 <span className="text-xs font-normal text-muted">Scans, last {DAYS} days</span>
          </h2>
          <a href={`/admin/qr/export.csv?code=${code.id}`} className="text-sm text-brand hover:underline">
            导出本二维码扫码记录 CSV
          </a>
        </div>
        <QrAnalytics title={`二维码 ${code.code} 近${DAYS}天扫码`} series={series} summary={summary} days={DAYS} />
      </section>

      <section aria-labelledby="qr-edit-heading" className="mx-auto max-w-2xl space-y-3">
        <h2 id="qr-edit-heading" className="font-semibold">
          编辑二维码 <span className="text-xs font-normal text-muted">Edit</span>
        </h2>
        <p className="text-sm text-muted">短码 {code.code} 已印出,不能更改;扫码后打开的页面可随时修改,保存后立即生效。</p>
        <QrCodeForm id={code.id} initial={initial} issues={issues} />
      </section>

      <section aria-labelledby="qr-delete-heading" className="space-y-2 border-t border-rule pt-6">
        <h2 id="qr-delete-heading" className="font-semibold">
          删除 <span className="text-xs font-normal text-muted">Delete</span>
        </h2>
        <QrDeleteButton id={code.id} code={code.code} />
      </section>
    </div>
  );
}
