import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperWeekday } from "@/lib/i18n/format";
import { parseIdParam } from "@/lib/params";
import { pauseRange } from "@/lib/pauses";
import { PauseForm } from "../pause-form";
import { AttachNoticeForm, DeletePauseForm } from "../pause-tools";
import { issuesBefore, pauseById, unpublishedIssuesIn } from "../queries";

type Props = { params: Promise<{ id: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPublishing.pauses.edit" });
  return { title: t("metaTitle") };
}

export default async function EditPausePage({ params, searchParams }: Props) {
  const { id: idParam, locale: param } = await params;
  const locale = param as Locale;
  setRequestLocale(locale);
  const id = parseIdParam(idParam);
  await requireStaff(`/admin/pauses/${id ?? ""}`);
  const pause = id ? await pauseById(id, locale) : null;
  if (!pause) notFound();
  const t = await getTranslations("adminPublishing.pauses.edit");
  const common = await getTranslations("adminPublishing.common");
  const [issues, unpublished, query] = await Promise.all([issuesBefore(pause.startsOn), unpublishedIssuesIn(pause, locale), searchParams]);
  const saved = query.saved === "created" ? t("created") : query.saved === "updated" ? t("updated") : undefined;
  const attached = typeof query.attached === "string" ? query.attached : null;
  const warnings = [pause.warning, ...unpublished].filter((w): w is string => Boolean(w));
  const printedIn = pause.attached;
  const label = `${pauseRange(pause.startsOn, pause.endsOn, locale)} ${pause.reason}`;
  const gloss = (text: string, size = "text-xs") => (text ? <span className={`font-sans ${size} font-normal text-muted`}>{text}</span> : null);

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/pauses" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} {gloss(t("titleGloss"), "text-sm")}
      </h1>
      {saved || attached ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {saved ?? t("attached", { number: attached! })}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <div role="note" aria-label={common("note")} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {warnings.map((w) => (
            <p key={w}>{t("warning", { text: w })}</p>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-muted">
        {t("announceDay", { date: paperDate(pause.announceDay, locale) })}
        {pause.announceOn ? "" : t("defaultMark")} ·{" "}
        {pause.resumesOn ? t("resumes", { date: paperDate(pause.resumesOn, locale), weekday: paperWeekday(pause.resumesOn, locale) }) : t("noResume")}
      </p>

      <Panel>
        <PauseForm
          key={pause.updatedAt.toISOString()}
          initial={{
            id: String(pause.id),
            startsOn: pause.startsOn,
            endsOn: pause.endsOn,
            reason: pause.reason,
            basis: pause.basis ?? "",
            announceOn: pause.announceOn ?? "",
            noticeText: pause.noticeText ?? "",
          }}
          submitLabel={t("submit")}
        />
      </Panel>

      <Panel labelledBy="attach-heading">
        <h2 id="attach-heading" className="mb-2 font-serif text-lg font-bold">
          {t("attachHeading")} {gloss(t("attachHeadingGloss"))}
        </h2>
        <p className="mb-4 text-sm text-muted">
          {printedIn
            ? t.rich("attachedAt", {
                date: paperDate(printedIn.date, locale),
                number: printedIn.number,
                published: printedIn.published ? "yes" : "no",
                issue: (chunks) =>
                  printedIn.published ? (
                    <Link href={`/issues/${printedIn.date}/pages/1`} className="text-brand underline-offset-4 hover:underline">
                      {chunks}
                    </Link>
                  ) : (
                    chunks
                  ),
              })
            : t("attachIntro")}
        </p>
        <AttachNoticeForm pauseId={pause.id} issues={issues} attachedNumber={pause.attached?.number ?? null} />
      </Panel>

      <section aria-label={t("deleteSection")} className="border-t border-rule pt-5">
        <DeletePauseForm pauseId={pause.id} label={label} />
      </section>
    </div>
  );
}
