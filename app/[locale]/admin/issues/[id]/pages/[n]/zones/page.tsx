import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HotZoneEditor } from "@/components/admin/hot-zone-editor";
import { requireStaff } from "@/lib/access";
import { chineseDate } from "@/lib/dates";
import { anyIssuePage, previewContents } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";

export const metadata: Metadata = { title: "编辑热区" };

type Props = { params: Promise<{ id: string; n: string }> };

export default async function HotZonesPage({ params }: Props) {
  const raw = await params;
  const issueId = parseIdParam(raw.id);
  const number = parseIdParam(raw.n, 999);
  await requireStaff(`/admin/issues/${issueId ?? ""}/pages/${number ?? ""}/zones`);
  const found = issueId && number ? await anyIssuePage(issueId, number) : null;
  if (!found) notFound();
  const { issue, page } = found;
  const backHref = `/admin/issues/${issue.id}`;
  const pageLabel = `第${page.number}版 ${page.name}`;

  if (!page.imageKey || !page.imageWidth || !page.imageHeight) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="font-serif text-2xl font-bold">
          编辑热区 · {pageLabel} <span className="font-sans text-sm font-normal text-muted">Hot zones</span>
        </h1>
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          请先上传版面图,再编辑热区。Upload the page image first.
        </p>
        <p>
          <Link href={backHref} className="text-brand underline underline-offset-4">
            ← 返回总第{issue.number}期
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
        {chineseDate(issue.date)} 总第{issue.number}期
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
      <nav aria-label="翻版 Pages" className="flex justify-between border-t border-rule pt-3 text-sm">
        {previous ? (
          <Link href={`/admin/issues/${issue.id}/pages/${previous.number}/zones`} className="hover:text-brand">
            ← 第{previous.number}版 {previous.name}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/admin/issues/${issue.id}/pages/${next.number}/zones`} className="hover:text-brand">
            第{next.number}版 {next.name} →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
