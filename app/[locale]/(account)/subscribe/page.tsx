import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PlanCard } from "@/components/billing/plan-card";
import { InAppHint } from "@/components/reader/in-app-hint";
import { NOT_CONFIGURED } from "@/lib/billing/checkout";
import { listPlans } from "@/lib/billing/plans";
import { isBillingConfigured } from "@/lib/billing/stripe";

export const metadata: Metadata = { title: "订阅" };

export default async function SubscribePage({ searchParams }: { searchParams: Promise<{ canceled?: string }> }) {
  await connection();
  const [plans, { canceled }] = await Promise.all([listPlans(), searchParams]);
  const online = isBillingConfigured();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold">订阅财信报数字报</h1>
        <p className="text-muted">订阅后可阅读每期全部文章、查看全部版面。Subscribers read every article and every page.</p>
        <p className="text-sm">
          想把报纸送给别人?<Link href="/gift" className="text-brand underline">赠送订阅 Gift</Link>
        </p>
      </header>
      {canceled && (
        <p role="status" className="rounded border border-rule bg-white px-4 py-3 text-sm">
          支付已取消,没有扣款。您可以重新选择方案。
        </p>
      )}
      {!online && (
        <div role="note" className="rounded-lg border border-brand/30 bg-white p-4 text-sm">
          <p className="font-bold">在线支付尚未配置</p>
          <p className="mt-1 text-muted">{NOT_CONFIGURED} Online payment is not set up yet.</p>
        </div>
      )}
      {online && <InAppHint />}
      {plans.length === 0 ? (
        <p className="text-muted">暂无可订阅的方案。</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {plans.map((plan) => (
            <PlanCard key={plan.key} plan={plan} online={online} />
          ))}
        </div>
      )}
    </div>
  );
}
