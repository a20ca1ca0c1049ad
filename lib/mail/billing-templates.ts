import { planText } from "@/lib/billing/plan-catalog";
import { dateInZone } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { letter, mailWords, type MailContent } from "./templates";

/**
 * Billing mails, plain text like the account mails. Dates are the reader's
 * last day of access on the paper's calendar (Asia/Shanghai): a window is
 * half-open, so the last included day is the day of endsAt − 1 ms.
 */
export const lastAccessDay = (endsAt: Date, locale: Locale): string => paperDate(dateInZone(new Date(endsAt.getTime() - 1)), locale);

/** The plan's name in the reader's language; null when the plan is unknown (a plan since deleted, say). */
const planIn = (planName: string | null, locale: Locale) => (planName ? planText(planName, locale) : mailWords(locale)("billing.anyPlan"));

export function accessGrantedMail(
  locale: Locale,
  input: {
    planName: string | null;
    endsAt: Date;
    kind: "subscription" | "prepaid" | "gift";
    /** A subscription in its free trial: nothing has been charged yet. */
    trial?: boolean;
    /** The window already existed and moved on: a renewal rather than a start. */
    renewed?: boolean;
    accountLink: string;
  },
): MailContent {
  const t = mailWords(locale);
  const words = { plan: planIn(input.planName, locale), until: lastAccessDay(input.endsAt, locale) };
  const how =
    input.kind !== "subscription"
      ? t("billing.granted.prepaid", words)
      : input.trial
        ? t("billing.granted.trial", words)
        : input.renewed
          ? t("billing.granted.renewed", words)
          : t("billing.granted.started", words);
  return {
    subject: input.renewed ? t("billing.granted.subjectRenewed") : t("billing.granted.subject"),
    text: letter(t, [t("billing.granted.thanks", { how }), t("billing.account", { link: input.accountLink })]),
  };
}

export function subscriptionPaymentFailedMail(
  locale: Locale,
  input: { planName: string | null; graceEndsAt: Date | null; portalLink: string; accountLink: string },
): MailContent {
  const t = mailWords(locale);
  const grace = input.graceEndsAt ? t("billing.renewalFailed.grace", { until: lastAccessDay(input.graceEndsAt, locale) }) : "";
  return {
    subject: t("billing.renewalFailed.subject"),
    text: letter(t, [
      t("billing.renewalFailed.failed", { plan: planIn(input.planName, locale), grace, link: input.portalLink }),
      t("billing.renewalFailed.fallback", { link: input.accountLink }),
    ]),
  };
}

export function oneOffPaymentFailedMail(locale: Locale, input: { planName: string | null; gift: boolean; retryLink: string }): MailContent {
  const t = mailWords(locale);
  return {
    subject: t("billing.paymentFailed.subject"),
    text: letter(t, [
      t("billing.paymentFailed.failed", { plan: planIn(input.planName, locale), gift: input.gift ? "yes" : "no" }),
      t("billing.paymentFailed.retry", { link: input.retryLink }),
    ]),
  };
}

export function prepaidEndingMail(
  locale: Locale,
  input: { planName: string | null; endsAt: Date; daysLeft: number; renewLink: string },
): MailContent {
  const t = mailWords(locale);
  const until = lastAccessDay(input.endsAt, locale);
  const days = Math.max(0, input.daysLeft);
  return {
    subject: days === 0 ? t("billing.ending.subjectToday") : t("billing.ending.subject", { until }),
    text: letter(t, [
      t("billing.ending.until", { plan: planIn(input.planName, locale), until, days }),
      t("billing.ending.renew", { link: input.renewLink }),
    ]),
  };
}
