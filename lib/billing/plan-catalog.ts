import type { plans } from "@/db/schema";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { catalogs } from "@/lib/i18n/messages";

type PlanRow = typeof plans.$inferInsert;

/**
 * The plans' words in the default language: the account catalog's `plans`
 * section. Plain text without arguments, read without next-intl, which
 * `npm run stripe:sync` (tsx --conditions=react-server) cannot load.
 */
const { names, descriptions, benefits } = catalogs[defaultLocale].account.plans;

/**
 * The plans the paper sells, as first written to the database. Staff may change
 * prices later; the keys are stable (Stripe lookup keys and URLs use them).
 * Names, descriptions and benefits are stored in the default language; see
 * planText for the others.
 */
export const defaultPlans: PlanRow[] = [
  {
    key: "digital-monthly",
    name: names.digitalMonthly,
    description: descriptions.digitalMonthly,
    benefits: [benefits.everyIssue, benefits.fullArchive, benefits.firstTrial],
    kind: "recurring",
    interval: "month",
    months: 1,
    amountFen: 2500,
    trialDays: 7,
    position: 1,
  },
  {
    key: "digital-yearly",
    name: names.digitalYearly,
    description: descriptions.digitalYearly,
    benefits: [benefits.everyIssue, benefits.fullArchive, benefits.yearlyPerMonth],
    kind: "recurring",
    interval: "year",
    months: 12,
    amountFen: 24000,
    position: 2,
  },
  {
    key: "digital-prepaid-1",
    name: names.digitalPrepaid1,
    description: descriptions.prepaid,
    benefits: [benefits.everyIssue, benefits.noAutoRenew],
    kind: "prepaid",
    months: 1,
    amountFen: 3000,
    giftable: true,
    position: 3,
  },
  {
    key: "digital-prepaid-3",
    name: names.digitalPrepaid3,
    description: descriptions.prepaid,
    benefits: [benefits.everyIssue, benefits.noAutoRenew],
    kind: "prepaid",
    months: 3,
    amountFen: 8000,
    giftable: true,
    position: 4,
  },
  {
    key: "digital-prepaid-12",
    name: names.digitalPrepaid12,
    description: descriptions.prepaid,
    benefits: [benefits.everyIssue, benefits.noAutoRenew, benefits.prepaid12PerMonth],
    kind: "prepaid",
    months: 12,
    amountFen: 26000,
    giftable: true,
    position: 5,
  },
  {
    key: "print-digital-yearly",
    name: names.printDigitalYearly,
    description: descriptions.printDigitalYearly,
    benefits: [benefits.printDelivery, benefits.everyIssue, benefits.fullArchive],
    kind: "recurring",
    interval: "year",
    months: 12,
    amountFen: 48000,
    includesPrint: true,
    position: 6,
  },
];

type TextGroup = "names" | "descriptions" | "benefits";

/** Each default text's place in the catalog (names, digitalMonthly), to find it in other languages. */
const placeOfText = new Map<string, [TextGroup, string]>(
  (Object.entries({ names, descriptions, benefits }) as [TextGroup, Record<string, string>][]).flatMap(([group, texts]) =>
    Object.entries(texts).map(([key, text]) => [text, [group, key]] as [string, [TextGroup, string]]),
  ),
);

/**
 * A plan's name, description or benefit as stored, in `locale`: the catalog's
 * wording when the text is still the one the plan was created with; text staff
 * have since rewritten is shown as they wrote it.
 */
export function planText(text: string, locale: Locale): string {
  if (locale === defaultLocale) return text;
  const place = placeOfText.get(text);
  if (!place) return text;
  const [group, key] = place;
  return (catalogs[locale].account.plans[group] as Record<string, string>)[key] ?? text;
}

/** The words of a plan (a database row) in `locale`. */
export function localizePlan<P extends { name: string; description: string; benefits: string[] }>(plan: P, locale: Locale): P {
  if (locale === defaultLocale) return plan;
  return { ...plan, name: planText(plan.name, locale), description: planText(plan.description, locale), benefits: plan.benefits.map((b) => planText(b, locale)) };
}
