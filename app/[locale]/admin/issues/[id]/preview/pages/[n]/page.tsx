import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessBadge } from "@/components/reader/access-badge";
import { PageViewer } from "@/components/reader/page-viewer";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { anyIssueById, previewContents } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { PreviewBanner } from "../../preview-banner";

type Props = { params: Promise<{ locale: string; id: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.preview" });
  return { title: t("metaPage") };
}

/** The 版面 view as /issues/<date>/pages/<n> will show it; zones lead to the preview's article pages. */
export default async function PreviewPageView({ params }: Props) {
  const raw = await params;
  const locale = raw.locale as Locale;
  setRequestLocale(locale);
  const id = parseIdParam(raw.id);
  const number = parseIdParam(raw.n, 999);
  await requireStaff(`/admin/issues/${id ?? ""}/preview/pages/${number ?? ""}`);
  const issue = id && number ? await anyIssueById(id) : null;
  if (!issue) notFound();
  const t = await getTranslations("adminIssues");
  const pages = await previewContents(issue.id);
  const index = pages.findIndex((p) => p.number === number);
  if (index < 0) notFound();
  const page = pages[index]!;
  const previous = pages[index - 1];
  const next = pages[index + 1];
  const base = `/admin/issues/${issue.id}/preview`;
  return (
    <div className="space-y-4">
      <PreviewBanner
        issue={issue}
        links={[
          { href: base, label: t("preview.overview") },
          { href: `/admin/issues/${issue.id}/pages/${page.number}/zones`, label: t("preview.editZones") },
        ]}
      />
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-2xl font-bold">
          {t("common.pageHeading", { number: String(page.number), name: page.name })}
        </h1>
        <p className="text-sm text-muted">
          <Link href={base} className="hover:text-brand">
            {t("common.dateAndNumber", { date: paperDate(issue.date, locale), number: String(issue.number) })}
          </Link>
          {page.editor && <span className="ml-3">{t("preview.editor", { editor: page.editor })}</span>}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {page.imageKey ? (
          <PageViewer
            page={page}
            imageSrc={`/admin/issues/${issue.id}/pages/${page.number}/image?v=${page.updatedAt.getTime()}`}
            articles={page.articles}
            articleHrefBase={`${base}/articles/`}
            locked={false}
          />
        ) : (
          <p role="note" className="flex aspect-[1000/1414] items-center justify-center border border-dashed border-rule bg-stone-50 p-6 text-center text-muted">
            {t("preview.noImage")}
          </p>
        )}
        <section aria-labelledby="page-articles">
          <h2 id="page-articles" className="mb-2 font-bold">
            {t("preview.pageArticles")}
          </h2>
          {page.articles.length === 0 ? (
            <p className="text-sm text-muted">{t("preview.noArticles")}</p>
          ) : (
            <ol className="space-y-3">
              {page.articles.map((a) => (
                <li key={a.id} className="border-b border-rule pb-2">
                  {a.kicker && <p className="text-xs text-muted">{a.kicker}</p>}
                  <Link href={`${base}/articles/${a.id}`} className="font-serif font-bold hover:text-brand">
                    {a.title}
                  </Link>
                  <p className="mt-1 flex items-center gap-2 text-xs text-muted">
                    {a.byline}
                    <AccessBadge access={a.access} />
                    {a.hotZones.length === 0 ? <span className="text-amber-700">{t("preview.noZones")}</span> : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <nav aria-label={t("preview.pagesNav")} className="mt-4 flex justify-between text-sm">
            {previous ? (
              <Link href={`${base}/pages/${previous.number}`} className="hover:text-brand">
                {t("zonePage.previous", { number: String(previous.number), name: previous.name })}
              </Link>
            ) : (
              <span />
            )}
            {next && (
              <Link href={`${base}/pages/${next.number}`} className="hover:text-brand">
                {t("zonePage.next", { number: String(next.number), name: next.name })}
              </Link>
            )}
          </nav>
        </section>
      </div>
    </div>
  );
}
