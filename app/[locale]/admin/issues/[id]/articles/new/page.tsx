import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { MAX_BODY_LENGTH } from "@/lib/article-body";
import { issueArticleOverview } from "@/lib/articles-admin";
import { chineseDate } from "@/lib/dates";
import { parseIdParam } from "@/lib/params";
import { issueById } from "../../../queries";
import { ArticleForm } from "../article-form";

export const metadata: Metadata = { title: "新增稿件" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewArticlePage({ params, searchParams }: Props) {
  const id = parseIdParam((await params).id);
  await requireStaff(`/admin/issues/${id ?? ""}/articles/new`);
  const issue = id ? await issueById(id) : null;
  if (!issue) notFound();
  const [pages, query] = await Promise.all([issueArticleOverview(issue.id), searchParams]);
  const wanted = typeof query.page === "string" ? parseIdParam(query.page) : null;
  const page = pages.find((p) => p.id === wanted) ?? pages[0];

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={`/admin/issues/${issue.id}`} className="text-muted hover:text-brand">
          ← {chineseDate(issue.date)} 总第{issue.number}期
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        新增稿件 <span className="font-sans text-sm font-normal text-muted">New article</span>
      </h1>
      {page ? (
        <Panel>
          <ArticleForm
            issueId={issue.id}
            pages={pages.map(({ id, number, name }) => ({ id, number, name }))}
            maxBody={MAX_BODY_LENGTH}
            initial={{ pageId: String(page.id), column: "", kicker: "", title: "", subtitle: "", byline: "", source: "", access: "subscribers", position: "", body: "" }}
          />
        </Panel>
      ) : (
        <p className="text-sm text-muted">本期还没有版面。</p>
      )}
    </div>
  );
}
