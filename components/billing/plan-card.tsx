import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localizePlan } from "@/lib/billing/plan-catalog";
import type { Plan } from "@/lib/billing/plans";
import { money } from "@/lib/i18n/format";

/** One plan, side by side with the others on /subscribe. */
export async function PlanCard({ plan: stored, online }: { plan: Plan; online: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("account.plans"), getLocale()]);
  const plan = localizePlan(stored, locale);
  const perTerm = plan.kind === "recurring" ? (plan.interval === "year" ? t("perYear") : t("perMonth")) : t("perMonths", { months: plan.months });
  return (
    <article aria-labelledby={`plan-${plan.key}`} className="flex flex-col rounded-lg border border-rule bg-white p-5 shadow-sm">
      <h2 id={`plan-${plan.key}`} className="font-serif text-lg font-bold">
        {plan.name}
      </h2>
      <p className="mt-2">
        <span className="text-3xl font-black text-brand">{money(plan.amountFen, locale)}</span>
        <span className="text-sm text-muted">{perTerm}</span>
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
      <p className="mt-2 text-xs text-muted">{plan.kind === "prepaid" ? t("methodsPrepaid") : t("methodsRecurring")}</p>
      {online ? (
        <Link
          href={`/subscribe/checkout?plan=${encodeURIComponent(plan.key)}`}
          className="mt-4 rounded-md bg-brand px-4 py-2.5 text-center font-medium text-white hover:bg-brand-dark"
        >
          {/* The name read out starts with what the button shows (WCAG 2.5.3), then says which plan. */}
          {t("choose")}<span className="sr-only"> {plan.name}</span>
        </Link>
      ) : null}
    </article>
  );
}
