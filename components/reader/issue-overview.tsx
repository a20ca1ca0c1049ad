import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Issue, PageWithArticles } from "@/lib/editions";
import { AccessBadge } from "./access-badge";

/**
 * A download link to a PDF route. Shown to everyone: the route itself decides
 * (sign in, subscribe, or the file). A plain <a> without `download`, so a
 * sign-in page it leads to opens as a page instead of being saved as a file.
 */
export function PdfLink({ href, label, note }: { href: string; label: string; note: string }) {
  return (
    <a href={href} className="inline-flex items-center gap-1 text-sm text-brand underline underline-offset-4 hover:no-underline">
      <span aria-hidden="true">⤓</span>
      {label}
      <span className="text-xs text-muted">{note}</span>
    </a>
  );
}

/**
 * An issue at a glance: the front page's stories first, then every 版 with its
 * articles. `base` (where "/pages/N" hangs off) and `articleHrefBase` let the
 * staff preview keep its links inside the preview.
 */
export async function IssueOverview({
  issue,
  pages,
  base = `/issues/${issue.date}`,
  articleHrefBase = "/articles/",
  pdfHref,
}: {
  issue: Issue;
  pages: PageWithArticles[];
  base?: string;
  articleHrefBase?: string;
  /** The whole issue's PDF; left out where there is none to offer (the staff preview). */
  pdfHref?: string;
}) {
  const [front, ...rest] = pages;
  const [t, pdf] = await Promise.all([getTranslations("reader.overview"), getTranslations("reader.pdf")]);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <section aria-labelledby="lead-heading">
        <h2 id="lead-heading" className="sr-only">
          {t("leadHeading")}
        </h2>
        {front && (
          <ol className="divide-y divide-rule">
            {front.articles.map((a, i) => (
              <li key={a.id} className="py-4">
                {a.kicker && <p className="text-sm text-muted">{a.kicker}</p>}
                {a.column && <p className="text-xs font-bold tracking-widest text-brand">{a.column}</p>}
                <h3 className={`font-serif font-bold leading-snug ${i === 0 ? "text-2xl sm:text-3xl" : "text-xl"}`}>
                  <Link href={`${articleHrefBase}${a.id}`} className="hover:text-brand">
                    {a.title}
                  </Link>
                </h3>
                {a.subtitle && <p className="mt-1 text-muted">{a.subtitle}</p>}
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                  {[a.source, a.byline].filter(Boolean).join(" ")}
                  <AccessBadge access={a.access} />
                </p>
              </li>
            ))}
          </ol>
        )}
        {front && (
          <p className="mt-2">
            <Link href={`${base}/pages/1`} className="text-sm text-brand underline underline-offset-4">
              {t("frontPageLink")}
            </Link>
          </p>
        )}
      </section>
      <nav aria-label={t("pagesNav")} className="lg:border-l lg:border-rule lg:pl-6">
        <h2 className="mb-2 font-bold">{t("pagesHeading")}</h2>
        <ol className="space-y-3 text-sm">
          {pages.map((p) => (
            <li key={p.id}>
              <Link href={`${base}/pages/${p.number}`} className="font-bold hover:text-brand">
                {t("pageLink", { number: p.number, name: p.name })}
              </Link>
              {p !== front && (
                <ul className="mt-1 space-y-1 pl-3 text-muted">
                  {p.articles.map((a) => (
                    <li key={a.id}>
                      <Link href={`${articleHrefBase}${a.id}`} className="hover:text-brand">
                        {a.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {rest.length === 0 && <p className="text-sm text-muted">{t("onePage")}</p>}
        {pdfHref && (
          <p className="mt-4 border-t border-rule pt-3">
            <PdfLink href={pdfHref} label={pdf("issue")} note={pdf("issueNote")} />
          </p>
        )}
      </nav>
    </div>
  );
}
