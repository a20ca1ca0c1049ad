import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/access";
import { todayInPaperZone } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperMonthDay, paperWeekday } from "@/lib/i18n/format";
import { pauseRange } from "@/lib/pauses";
import { pauseList, type PauseView } from "./queries";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPublishing.pauses.list" });
  return { title: t("metaTitle") };
}

export default async function PausesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale: param } = await params;
  const locale = param as Locale;
  setRequestLocale(locale);
  await requireStaff("/admin/pauses");
  const t = await getTranslations("adminPublishing.pauses.list");
  const today = todayInPaperZone();
  const [{ upcoming, past }, query] = await Promise.all([pauseList(today, locale), searchParams]);
  const deleted = typeof query.deleted === "string" ? query.deleted : null;
  const gloss = (text: string) => (text ? <span className="font-sans text-xs font-normal text-muted">{text}</span> : null);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            {t("title")} {t("titleGloss") ? <span className="font-sans text-sm font-normal text-muted">{t("titleGloss")}</span> : null}
          </h1>
          <p className="mt-1 text-sm text-muted">{t("intro")}</p>
        </div>
        <Link href="/admin/pauses/new" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
          {t("newPause")} {t("newPauseGloss") ? <span className="ml-1 text-xs opacity-80">{t("newPauseGloss")}</span> : null}
        </Link>
      </header>
      {deleted !== null ? (
        <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
          {t("deleted", { reason: deleted })}
        </p>
      ) : null}
      <PauseSection id="upcoming" title={t("upcoming")} gloss={gloss(t("upcomingGloss"))} pauses={upcoming} empty={t("upcomingEmpty")} today={today} locale={locale} />
      <PauseSection id="past" title={t("past")} gloss={gloss(t("pastGloss"))} pauses={past} empty={t("pastEmpty")} today={today} locale={locale} />
    </div>
  );
}

function PauseSection(props: { id: string; title: string; gloss: React.ReactNode; pauses: PauseView[]; empty: string; today: string; locale: Locale }) {
  const headingId = `pauses-${props.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="font-serif text-lg font-bold">
        {props.title} {props.gloss}
      </h2>
      {props.pauses.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{props.empty}</p>
      ) : (
        <ul className="divide-y divide-rule overflow-hidden rounded-lg border border-rule bg-white/60">
          {props.pauses.map((p) => (
            <PauseItem key={p.id} pause={p} today={props.today} locale={props.locale} />
          ))}
        </ul>
      )}
    </section>
  );
}

async function PauseItem({ pause, today, locale }: { pause: PauseView; today: string; locale: Locale }) {
  const t = await getTranslations("adminPublishing.pauses.list");
  const common = await getTranslations("adminPublishing.common");
  const current = pause.startsOn <= today && today <= pause.endsOn;
  const days =
    pause.startsOn === pause.endsOn
      ? paperWeekday(pause.startsOn, locale)
      : t("dayRange", { from: paperWeekday(pause.startsOn, locale), to: paperWeekday(pause.endsOn, locale) });
  const range = pauseRange(pause.startsOn, pause.endsOn, locale);
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between" data-pause-id={pause.id}>
      <div className="space-y-1">
        <p className="font-medium">
          <Link href={`/admin/pauses/${pause.id}`} className="hover:text-brand hover:underline">
            {t("item", { range, days, reason: pause.reason })}
          </Link>
          {current ? <span className="ml-2 rounded bg-brand px-1.5 py-0.5 text-xs text-white">{t("current")}</span> : null}
        </p>
        <p className="text-sm text-muted">
          {t("announceDay", { date: paperMonthDay(pause.announceDay, locale) })}
          {pause.announceOn ? "" : t("defaultMark")} · {pause.resumesOn ? t("resumes", { date: paperDate(pause.resumesOn, locale) }) : t("resumeUnknown")}
          {pause.attached ? t("attached", { number: pause.attached.number }) : ""}
        </p>
        {pause.warning ? (
          <p className="text-sm">
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{common("note")}</span> {pause.warning}
          </p>
        ) : null}
      </div>
      <Link
        href={`/admin/pauses/${pause.id}`}
        aria-label={t("editLabel", { label: `${range} ${pause.reason}` })}
        className="self-start rounded-md border border-rule bg-white px-3 py-1.5 text-sm hover:border-ink"
      >
        {t("edit")}
      </Link>
    </li>
  );
}
