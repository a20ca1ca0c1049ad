import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { HotZoneEditor } from "@/components/admin/hot-zone-editor";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { anyIssuePage, previewContents } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { Gloss } from "../../../../gloss";

type Props = { params: Promise<{ locale: string; id: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.zonePage" });
  return { title: t("metaTitle") };
}

export default async function HotZonesPage({ params }: Props) {
  const raw = await params;
  const locale = raw.locale as Locale;
  setRequestLocale(locale);
  const issueId = parseIdParam(raw.id);
  const number = parseIdParam(raw.n, 999);
  await requireStaff(`/admin/issues/${issueId ?? ""}/pages/${number ?? ""}/zones`);
  const t = await getTranslations("adminIssues");
  const found = issueId && number ? await anyIssuePage(issueId, number) : null;
  if (!found) notFound();
  const { issue, page } = found;
  const backHref = `/admin/issues/${issue.id}`;
  const pageLabel = t("common.pageLabel", { number: String(page.number), name: page.name });

  if (!page.imageKey || !page.imageWidth || !page.imageHeight) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="font-serif text-2xl font-bold">
          {t("zoneEditor.title", { page: pageLabel })} <Gloss text={t("zoneEditor.titleGloss")} className="font-sans text-sm font-normal text-muted" />
        </h1>
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          {t("zonePage.noImage")}
        </p>
        <p>
          <Link href={backHref} className="text-brand underline underline-offset-4">
            {t("zonePage.backToIssue", { number: String(issue.number) })}
          </Link>
        </p>
      </div>
    );
  }

  const contents = await previewContents(issue.id);
  const index = contents.findIndex((p) => p.id === page.id);
  const current = contents[index]!;
  const previous = contents[index - 1];
  const next = contents[index + 1];
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        {t("common.dateAndNumber", { date: paperDate(issue.date, locale), number: String(issue.number) })}
      </p>
      <HotZoneEditor
        // A new page image (other size) or another page starts a fresh editor.
        key={`${page.id}-${page.imageKey}`}
        issueId={issue.id}
        pageNumber={page.number}
        pageLabel={pageLabel}
        // The version defeats the browser's private cache when the page image is replaced.
        imageSrc={`/admin/issues/${issue.id}/pages/${page.number}/image?v=${page.updatedAt.getTime()}`}
        imageWidth={page.imageWidth}
        imageHeight={page.imageHeight}
        articles={current.articles.map((a) => ({ id: a.id, title: a.title, zones: a.hotZones }))}
        backHref={backHref}
      />
      <nav aria-label={t("zonePage.pagesNav")} className="flex justify-between border-t border-rule pt-3 text-sm">
        {previous ? (
          <Link href={`/admin/issues/${issue.id}/pages/${previous.number}/zones`} className="hover:text-brand">
            {t("zonePage.previous", { number: String(previous.number), name: previous.name })}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/admin/issues/${issue.id}/pages/${next.number}/zones`} className="hover:text-brand">
            {t("zonePage.next", { number: String(next.number), name: next.name })}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
