import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InAppHint } from "@/components/reader/in-app-hint";
import { requireViewer } from "@/lib/access";
import { hasLiveSubscription, NOT_CONFIGURED } from "@/lib/billing/checkout";
import { formatYuan, getPlan } from "@/lib/billing/plans";
import { isBillingConfigured } from "@/lib/billing/stripe";
import { CheckoutForm } from "./checkout-form";

export const metadata: Metadata = { title: "确认订阅" };

/** The chosen plan, confirmed by a signed-in reader; anonymous readers sign in and come back here. */
export default async function CheckoutPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  const { plan: key } = await searchParams;
  if (typeof key !== "string" || key.length > 64) notFound();
  const viewer = await requireViewer(`/subscribe/checkout?plan=${encodeURIComponent(key)}`);
  const plan = await getPlan(key);
  if (!plan?.active) notFound();
  if (plan.kind === "recurring" && (await hasLiveSubscription(viewer.id))) redirect("/account?manage=1#billing");

  return (
    <div className="mx-auto max-w-lg space-y-5 py-4">
      <h1 className="font-serif text-2xl font-bold">确认订阅</h1>
      <section aria-label="订阅方案" className="rounded-lg border border-rule bg-white p-5">
        <p className="text-lg font-bold">{plan.name}</p>
        <p className="mt-1 text-2xl font-black text-brand">{formatYuan(plan.amountFen)}</p>
        <p className="mt-2 text-sm text-muted">{plan.description}</p>
        <p className="mt-2 text-sm">订阅账户:{viewer.email}</p>
        {plan.includesPrint && <p className="mt-2 text-sm">支付时请填写收报地址。</p>}
      </section>
      {isBillingConfigured() ? (
        <>
          <InAppHint />
          <CheckoutForm planKey={plan.key} />
        </>
      ) : (
        <p role="note" className="rounded border border-brand/30 bg-white p-4 text-sm">{NOT_CONFIGURED}</p>
      )}
      <p className="text-sm">
        <Link href="/subscribe" className="text-brand underline">← 返回选择其他方案</Link>
      </p>
    </div>
  );
}
