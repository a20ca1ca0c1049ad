import Link from "next/link";
import type { ArticleView } from "@/lib/article-view";
import { chineseDate } from "@/lib/dates";
import { AccessBadge } from "./access-badge";

/** An article as the caller may see it: the view already holds only what they may read. */
export function ArticleBody({ article, signedIn, accessNote }: { article: ArticleView; signedIn: boolean; accessNote: string | null }) {
  const { issue, page } = article;
  return (
    <article className="mx-auto max-w-3xl">
      <nav aria-label="位置 Breadcrumb" className="mb-4 text-xs text-muted">
        <Link href={`/issues/${issue.date}`} className="hover:text-brand">
          {chineseDate(issue.date)} 总第{issue.number}期
        </Link>
        {" › "}
        <Link href={`/issues/${issue.date}/pages/${page.number}`} className="hover:text-brand">
          第{page.number}版 {page.name}
        </Link>
      </nav>
      <header className="mb-6 border-b border-rule pb-4">
        {article.column && <p className="text-sm font-bold tracking-widest text-brand">{article.column}</p>}
        {article.kicker && <p className="mt-1 text-muted">{article.kicker}</p>}
        <h1 className="mt-1 font-serif text-3xl font-black leading-snug sm:text-4xl">{article.title}</h1>
        {article.subtitle && <p className="mt-2 text-lg text-muted">——{article.subtitle}</p>}
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          {article.source && <span>{article.source}</span>}
          {article.byline && <span>{article.byline}</span>}
          <AccessBadge access={article.access} />
        </p>
        {article.isSample && (
          <p className="mt-3 rounded bg-stone-200 px-3 py-1 text-xs text-stone-700">示例内容,非真实报道 · Sample content for the demo</p>
        )}
      </header>
      {article.images.map((image) => (
        <figure key={image.id} className="mb-6">
          {/* eslint-disable-next-line @next/next/no-img-element -- served by our access-checked route */}
          <img src={`/media/images/${image.id}`} alt={image.caption ?? article.title} className="w-full rounded" width={image.width ?? undefined} height={image.height ?? undefined} />
          <figcaption className="mt-2 text-sm leading-relaxed text-muted">
            {image.caption}
            {image.credit && <span className="ml-1 whitespace-nowrap">({image.credit})</span>}
          </figcaption>
        </figure>
      ))}
      <div className="prose-zh">
        {article.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {!article.complete && <Paywall signedIn={signedIn} articleId={article.id} accessNote={accessNote} />}
    </article>
  );
}

function Paywall({ signedIn, articleId, accessNote }: { signedIn: boolean; articleId: number; accessNote: string | null }) {
  const next = encodeURIComponent(`/articles/${articleId}`);
  return (
    <section aria-label="订阅提示 Subscribe" className="mt-6 rounded-lg border border-brand/40 bg-white p-5 text-center">
      <p className="font-bold">本文为订阅内容,订阅后可阅读全文。</p>
      <p className="mt-1 text-sm text-muted">Subscribers read the full article.</p>
      {accessNote && <p className="mt-3 text-sm">{accessNote}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        {!signedIn && (
          <Link href={`/login?next=${next}`} className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand hover:text-white">
            已订阅?登录
          </Link>
        )}
        <Link href="/subscribe" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          订阅财信报
        </Link>
      </p>
    </section>
  );
}
