import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/access";
import { loadSchedule } from "@/lib/calendar";
import { todayInPaperZone } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { weekdayList } from "@/lib/publication-settings";
import { weekdaysOn } from "@/lib/schedule";
import { ScheduleChangeForm, WithdrawChangeForm } from "./schedule-forms";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPublishing.schedule" });
  return { title: t("metaTitle") };
}

/** The weekdays the paper appears on, changed from a date on; past issues keep their schedule. */
export default async function SchedulePage({ params }: { params: Params }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await requireStaff("/admin/schedule");
  const t = await getTranslations("adminPublishing.schedule");
  const schedule = await loadSchedule();
  const today = todayInPaperZone();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} {t("titleGloss") ? <span className="text-sm font-normal text-muted">{t("titleGloss")}</span> : null}
      </h1>
      <p>{t("current", { days: weekdayList(weekdaysOn(today, schedule), locale) })}</p>
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading" className="mb-2 font-bold">{t("changesHeading")}</h2>
        {schedule.changes.length === 0 ? (
          <p className="text-sm text-muted">{t("noChanges")}</p>
        ) : (
          <ul className="space-y-2">
            {schedule.changes.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 rounded border border-rule bg-white px-3 py-2 text-sm">
                <span>
                  {t("change", { date: paperDate(c.effectiveFrom, locale), days: weekdayList(c.weekdays, locale) })}
                  {c.effectiveFrom <= today && <span className="ml-2 text-muted">{t("inEffect")}</span>}
                </span>
                {c.effectiveFrom > today && <WithdrawChangeForm id={c.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-change-heading" className="rounded-lg border border-rule bg-white p-5">
        <h2 id="new-change-heading" className="mb-3 font-bold">{t("newHeading")}</h2>
        <p className="mb-3 text-sm text-muted">{t("newIntro")}</p>
        <ScheduleChangeForm current={weekdaysOn(today, schedule)} />
      </section>
    </div>
  );
}
