import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/access";
import { NOT_CONFIGURED } from "@/lib/billing/checkout";
import { giftsBoughtBy } from "@/lib/billing/gifts";
import { formatYuan, listPlans } from "@/lib/billing/plans";
import { isBillingConfigured } from "@/lib/billing/stripe";
import { BuyGiftForm } from "./gift-forms";

export const metadata: Metadata = { title: "赠送订阅" };

export default async function GiftPage({ searchParams }: { searchParams: Promise<{ canceled?: string }> }) {
  const viewer = await requireViewer("/gift");
  const [plans, bought, { canceled }] = await Promise.all([listPlans(), giftsBoughtBy(viewer.id), searchParams]);
  const giftable = plans.filter((p) => p.giftable).map((p) => ({ key: p.key, label: `${p.name} · ${formatYuan(p.amountFen)}` }));
  return (
    <div className="mx-auto max-w-lg space-y-6 py-4">
      <header>
        <h1 className="font-serif text-2xl font-bold">赠送财信报数字版</h1>
        <p className="mt-1 text-sm text-muted">付款后您会得到一个领取链接,可以自己转发,也可以让我们发邮件给收礼人。链接一年内有效,只能领取一次。</p>
      </header>
      {canceled && <p role="status" className="rounded border border-rule bg-white p-3 text-sm">支付已取消,没有扣款。</p>}
      {isBillingConfigured() ? <BuyGiftForm plans={giftable} /> : <p role="note" className="rounded border border-brand/30 bg-white p-4 text-sm">{NOT_CONFIGURED}</p>}
      {bought.length > 0 && (
        <section aria-labelledby="bought-heading">
          <h2 id="bought-heading" className="mb-2 font-bold">我送出的礼物</h2>
          <ul className="space-y-2 text-sm">
            {bought.map((g) => (
              <li key={g.id} className="rounded border border-rule bg-white p-3">
                <Link href={`/gift/sent/${g.id}`} className="text-brand underline">{g.planName}</Link> → {g.recipientEmail} ·{" "}
                {g.status === "claimed" ? "已领取" : g.status === "paid" ? "待领取" : "待付款"}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
