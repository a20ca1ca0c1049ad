import Link from "next/link";
import { formatYuan, type Plan } from "@/lib/billing/plans";

const perTerm = (plan: Plan) => (plan.kind === "recurring" ? (plan.interval === "year" ? "/年" : "/月") : ` / ${plan.months}个月`);

/** One plan, side by side with the others on /subscribe. */
export function PlanCard({ plan, online }: { plan: Plan; online: boolean }) {
  return (
    <article aria-labelledby={`plan-${plan.key}`} className="flex flex-col rounded-lg border border-rule bg-white p-5 shadow-sm">
      <h2 id={`plan-${plan.key}`} className="font-serif text-lg font-bold">
        {plan.name}
      </h2>
      <p className="mt-2">
        <span className="text-3xl font-black text-brand">{formatYuan(plan.amountFen)}</span>
        <span className="text-sm text-muted">{perTerm(plan)}</span>
      </p>
      <p className="mt-2 text-sm text-muted">{plan.description}</p>
      <ul className="mt-3 flex-1 space-y-1 text-sm">
        {plan.benefits.map((b) => (
          <li key={b} className="flex gap-2">
            <span aria-hidden className="text-brand">✓</span>
            {b}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted">{plan.kind === "prepaid" ? "银行卡 · 支付宝 · 微信支付" : "银行卡 · 自动续费,可随时取消"}</p>
      {online ? (
        <Link
          href={`/subscribe/checkout?plan=${encodeURIComponent(plan.key)}`}
          className="mt-4 rounded-md bg-brand px-4 py-2.5 text-center font-medium text-white hover:bg-brand-dark"
        >
          {/* The name read out starts with what the button shows (WCAG 2.5.3), then says which plan. */}
          选择此方案<span className="sr-only"> {plan.name}</span>
        </Link>
      ) : null}
    </article>
  );
}
