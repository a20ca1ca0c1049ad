import { lastIncludedDay } from "@/lib/account-access-view";
import { planText } from "@/lib/billing/plan-catalog";
import type { Locale } from "@/lib/i18n/config";
import { letter, mailWords, type MailContent } from "./templates";

/** The gift's claim link for its recipient; the buyer's name and message are quoted as written. */
export function giftReceivedMail(
  locale: Locale,
  { fromName, planName, months, message, link, expiresAt }: {
    fromName: string;
    planName: string;
    months: number;
    message: string | null;
    link: string;
    /** The claim link's end (exclusive): the mail names its last day. */
    expiresAt: Date;
  },
): MailContent {
  const t = mailWords(locale);
  return {
    subject: t("gift.subject", { from: fromName }),
    text: letter(t, [
      t("gift.gift", { from: fromName, plan: planText(planName, locale), months }),
      message && t("gift.message", { from: fromName, message }),
      t("gift.claim", { until: lastIncludedDay(expiresAt, locale), link }),
    ]),
  };
}
