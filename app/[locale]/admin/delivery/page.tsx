import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { requireStaff } from "@/lib/access";
import { todayInPaperZone } from "@/lib/dates";
import { distributionDays, type DistributionDay } from "@/lib/delivery-holds";
import type { Locale } from "@/lib/i18n/config";
import { paperMonthDay, paperWeekday } from "@/lib/i18n/format";
import { CSV_DAYS, listStart, readShippingAddress } from "./holds-csv";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type T = Awaited<ReturnType<typeof getTranslations<"adminPeople.delivery">>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.delivery" });
  return { title: t("metaTitle") };
}

/** For distribution: which print subscribers get no paper on each of the coming publication days. */
export default async function DeliveryHoldsAdminPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await connection();
  // The admin layout checks too, but a layout is not a guard for the page it wraps.
  await requireStaff("/admin/delivery");
  const t = await getTranslations("adminPeople.delivery");
  const hint = (text: string, className: string) => (text ? <span className={className}>{text}</span> : null);
  const query = await searchParams;
  const today = todayInPaperZone();
  const from = listStart(typeof query.from === "string" ? query.from : null, today);
  const days = await distributionDays(from, CSV_DAYS, today);
  const total = days.reduce((sum, d) => sum + d.holds.length, 0);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            {t("title")} {hint(t("titleHint"), "font-sans text-sm font-normal text-muted")}
          </h1>
          <p className="mt-1 text-sm text-muted">
            {from === today ? t("introToday", { days: CSV_DAYS, total }) : t("introFrom", { from: paperMonthDay(from, locale), days: CSV_DAYS, total })}
          </p>
        </div>
        <a
          href={`/admin/delivery/holds.csv${from === today ? "" : `?from=${from}`}`}
          download
          className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
        >
          {t("download")} {hint(t("downloadHint"), "ml-1 text-xs opacity-80")}
        </a>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <label htmlFor="delivery-from" className="flex flex-col gap-1">
          <span>
            {t("from")}{" "}
            {t("fromHint") ? (
              <span aria-hidden="true" className="text-xs text-muted">
                {t("fromHint")}
              </span>
            ) : null}
          </span>
          <input id="delivery-from" name="from" type="date" defaultValue={from} className="rounded-md border border-rule bg-white px-3 py-1.5" />
        </label>
        <button className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">{t("show")}</button>
      </form>
      {days.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{t("noDays", { days: CSV_DAYS })}</p>
      ) : (
        <ul className="space-y-4">
          {days.map((day) => (
            <DayItem key={day.date} day={day} t={t} locale={locale} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DayItem({ day, t, locale }: { day: DistributionDay; t: T; locale: Locale }) {
  const headingId = `day-${day.date}`;
  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-rule bg-white/60 p-4" data-date={day.date}>
      <h2 id={headingId} className="flex flex-wrap items-baseline gap-x-2 font-medium">
        {paperMonthDay(day.date, locale)} {paperWeekday(day.date, locale)}
        {day.number !== null ? (
          <span className="text-sm text-muted">{day.estimated ? t("issueEstimated", { number: day.number }) : t("issue", { number: day.number })}</span>
        ) : null}
        <span className="text-sm text-muted">{t("held", { count: day.holds.length })}</span>
      </h2>
      {day.holds.length === 0 ? null : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-normal">{t("subscriber")}</th>
                <th scope="col" className="py-1 pr-3 font-normal">{t("address")}</th>
                <th scope="col" className="py-1 font-normal">{t("hold")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {day.holds.map((hold) => {
                const a = readShippingAddress(hold.shippingAddress);
                return (
                  <tr key={hold.holdId} className="align-top">
                    <td className="py-2 pr-3">
                      <span className="block">{a.name || hold.name || "—"}</span>
                      <span className="block break-all text-xs text-muted">{hold.email}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {[a.state, a.city, a.line1, a.line2].filter(Boolean).join(" ") || "—"}
                      {a.postalCode ? <span className="block text-xs text-muted">{t("postalCode", { code: a.postalCode })}</span> : null}
                    </td>
                    <td className="whitespace-nowrap py-2">
                      {t("holdRange", { start: paperMonthDay(hold.startsOn, locale), end: paperMonthDay(hold.endsOn, locale) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
