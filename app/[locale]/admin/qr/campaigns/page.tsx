import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/access";
import { campaignTotals } from "@/lib/qr/analytics";

export const metadata: Metadata = { title: "按活动统计 · 二维码" };

const rate = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : "—");

export default async function QrCampaignsPage() {
  await requireStaff("/admin/qr/campaigns");
  const rows = await campaignTotals();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/qr" className="text-muted hover:text-brand">
          ← 二维码
        </Link>
      </p>
      <header>
        <h1 className="font-serif text-2xl font-bold">
          按活动统计 <span className="font-sans text-sm font-normal text-muted">Campaigns</span>
        </h1>
        <p className="mt-1 text-sm text-muted">
          各活动全部二维码的累计数字。扫码与访客不含机器人;访客按日去重。注册和订阅为扫码后7天内在同一设备上完成的。
        </p>
      </header>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">还没有活动。在二维码中填写「活动名称」即可按活动统计。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">按活动统计,共{rows.length}个活动</caption>
            <thead className="border-b border-rule text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">活动</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">二维码</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">扫码</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">独立访客</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">注册</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">订阅</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">订阅转化率</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">机器人</th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">操作</span>
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
