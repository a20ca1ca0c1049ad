import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccessBadge } from "@/components/reader/access-badge";
import { IssueNav } from "@/components/reader/issue-nav";
import { PdfLink } from "@/components/reader/issue-overview";
import { showsGloss } from "@/components/reader/labels";
import { PageViewer } from "@/components/reader/page-viewer";
import { issueByDate, issueContents, issueNeighbours } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { parseDateParam, parseIdParam } from "@/lib/params";
import { issuePageMetadata } from "@/lib/share-site";

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ locale: string; date: string; n: string }> };

async function load(raw: Awaited<Props["params"]>) {
  const date = parseDateParam(raw.date);
  const number = parseIdParam(raw.n, 999);
  const issue = date && number ? await issueByDate(date) : null;
  if (!issue) return null;
  const pages = await issueContents(issue.id);
  const index = pages.findIndex((p) => p.number === number);
  if (index < 0) return null;
  return { issue, pages, page: pages[index]!, previous: pages[index - 1], next: pages[index + 1] };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const locale = raw.locale as Locale;
  const data = await load(raw);
  return data ? issuePageMetadata(data.issue, data.pages, locale, data.page.number) : issuePageMetadata(null, [], locale);
}

export default async function PageView({ params }: Props) {
  const raw = await params;
  const locale = raw.locale as Locale;
  setRequestLocale(locale);
  const data = await load(raw);
  if (!data) notFound();
  const { issue, page, previous, next } = data;
  const [neighbours, t, pdf, gloss] = await Promise.all([issueNeighbours(issue.date), getTranslations("reader.page"), getTranslations("reader.pdf"), showsGloss()]);
  const base = `/issues/${issue.date}`;
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-2xl font-bold">{t("heading", { number: page.number, name: page.name })}</h1>
        <p className="text-sm text-muted">
          <Link href={base} className="hover:text-brand">
            {t("issueLink", { date: paperDate(issue.date, locale), number: issue.number })}
          </Link>
          {page.editor && <span className="ml-3">{t("editor", { editor: page.editor })}</span>}
        </p>
        <p className="flex w-full flex-wrap gap-x-5 gap-y-1">
          <PdfLink href={`${base}/pages/${page.number}/pdf`} label={pdf("page")} note={pdf("pageNote")} />
          <PdfLink href={`${base}/pdf`} label={pdf("issue")} note={pdf("issueNote")} />
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <PageViewer page={page} imageSrc={`${base}/pages/${page.number}/image`} articles={page.articles} />
        <section aria-labelledby="page-articles">
          <h2 id="page-articles" className="mb-2 font-bold">
            {t("articlesHeading")}
            {gloss && (
              <>
                {" "}
                <span className="text-xs font-normal text-muted">{t("articlesHeadingGloss")}</span>
              </>
            )}
          </h2>
          {page.articles.length === 0 ? (
            <p className="text-sm text-muted">{t("noArticles")}</p>
          ) : (
            <ol className="space-y-3">
              {page.articles.map((a) => (
                <li key={a.id} className="border-b border-rule pb-2">
                  {a.kicker && <p className="text-xs text-muted">{a.kicker}</p>}
                  <Link href={`/articles/${a.id}`} className="font-serif font-bold hover:text-brand">
                    {a.title}
                  </Link>
                  <p className="mt-1 flex items-center gap-2 text-xs text-muted">
                    {a.byline}
                    <AccessBadge access={a.access} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          <nav aria-label={t("pagesNav")} className="mt-4 flex justify-between text-sm">
            {previous ? <Link href={`${base}/pages/${previous.number}`} className="hover:text-brand">{t("previous", { number: previous.number, name: previous.name })}</Link> : <span />}
            {next && <Link href={`${base}/pages/${next.number}`} className="hover:text-brand">{t("next", { number: next.number, name: next.name })}</Link>}
          </nav>
        </section>
      </div>
      <IssueNav {...neighbours} suffix="/pages/1" />
    </div>
  );
}
