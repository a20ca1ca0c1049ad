import Link from "next/link";
import { PageDetailsForm } from "@/components/admin/page-details-form";
import { UploadWithProgress } from "@/components/admin/upload-with-progress";
import { Panel } from "@/components/ui/form-parts";
import { MAX_PAGES } from "@/lib/issues-admin";
import { issuePagesForPanel, type PanelPage } from "@/lib/pages-admin";
import { formatBytes, maxPdfPages, maxUploadBytes } from "@/lib/uploads/limits";
import { updatePageDetailsAction } from "./pages/actions";

const PAGE_ACCEPT = "application/pdf,.pdf,image/png,image/jpeg,image/webp,image/gif";
const THUMB_SHOWN_WIDTH = 96;

/** The issue's 版面: a whole-issue upload, then each 版 with its thumbnail, 版名, 责任编辑 and its own upload. */
export async function IssuePagesPanel({ issueId }: { issueId: number }) {
  const pageRows = await issuePagesForPanel(issueId);
  const maxBytes = maxUploadBytes();
  const limit = formatBytes(maxBytes);
  const pdfPageLimit = Math.min(maxPdfPages(), MAX_PAGES);

  return (
    <Panel labelledBy="issue-pages-heading">
      <h2 id="issue-pages-heading" className="mb-4 font-serif text-lg font-bold">
        版面 <span className="font-sans text-xs font-normal text-muted">Pages</span>
      </h2>

      <section aria-labelledby="issue-pages-whole" className="mb-5 rounded-md border border-rule bg-paper/40 p-4">
        <h3 id="issue-pages-whole" className="mb-2 text-sm font-bold">
          整期上传 <span className="font-normal text-muted">Whole issue</span>
        </h3>
        <UploadWithProgress
          url={`/admin/issues/${issueId}/pages/upload`}
          accept={PAGE_ACCEPT}
          multiple
          label="整期 PDF,或按版序排列的各版图片"
          buttonLabel="上传整期"
          maxBytes={maxBytes}
          hint={`PDF 第1页为第1版,依此类推(最多 ${pdfPageLimit} 页);图片按文件选择顺序对应第1版、第2版…。页数多于本期版数时自动增加版面;已有稿件和热区保留。单次最大 ${limit}。`}
          confirmText="整期上传会替换对应各版的版面文件(稿件和热区保留)。确定上传吗?"
        />
      </section>

      {pageRows.length === 0 ? (
        <p className="text-sm text-muted">本期还没有版面。</p>
      ) : (
        <ol className="divide-y divide-rule" aria-label="各版">
          {pageRows.map((page) => (
            <PageItem key={page.id} issueId={issueId} page={page} maxBytes={maxBytes} limit={limit} />
          ))}
        </ol>
      )}
    </Panel>
  );
}

function PageItem({ issueId, page, maxBytes, limit }: { issueId: number; page: PanelPage; maxBytes: number; limit: string }) {
  const hasImage = Boolean(page.imageKey);
  const shownHeight = page.imageWidth && page.imageHeight ? Math.round((page.imageHeight / page.imageWidth) * THUMB_SHOWN_WIDTH) : Math.round(THUMB_SHOWN_WIDTH * 1.414);
  // The image URL stays the same across a replacement; the version makes the browser fetch the new one.
  const thumbUrl = `/admin/issues/${issueId}/pages/${page.number}/image?size=thumb&v=${page.updatedAt.getTime()}`;
  const headingId = `page-${page.number}-heading`;
  return (
    <li aria-labelledby={headingId} className="grid gap-4 py-4 sm:grid-cols-[auto_1fr]">
      <div className="w-24">
        {hasImage ? (
          // eslint-disable-next-line @next/next/no-img-element -- a staff-only route with its own access check; next/image would proxy and cache it.
          <img
            src={thumbUrl}
            alt={`第${page.number}版 ${page.name} 缩略图`}
            width={THUMB_SHOWN_WIDTH}
            height={shownHeight}
            loading="lazy"
            className="h-auto w-24 border border-rule bg-white"
          />
        ) : (
          <div className="flex aspect-[1/1.414] w-24 items-center justify-center border border-dashed border-rule text-center text-xs text-muted">
            尚无版面图
          </div>
        )}
      </div>
      <div className="min-w-0 space-y-3">
        <h3 id={headingId} className="text-sm font-bold">
          第{page.number}版 · {page.name}
          <span className="ml-2 font-normal text-muted">
            {page.articleCount} 篇稿件
            {page.editor ? ` · 责任编辑 ${page.editor}` : ""}
            {page.pdfKey ? " · 有 PDF" : ""}
          </span>
        </h3>
        {hasImage ? (
          <p className="flex flex-wrap gap-x-4 text-sm">
            <Link href={`/admin/issues/${issueId}/pages/${page.number}/zones`} className="text-brand underline-offset-4 hover:underline">
              编辑热区<span className="sr-only">(第{page.number}版)</span>
            </Link>
            <Link href={`/admin/issues/${issueId}/preview/pages/${page.number}`} className="text-brand underline-offset-4 hover:underline">
              预览本版<span className="sr-only">(第{page.number}版)</span>
            </Link>
          </p>
        ) : null}
        <PageDetailsForm issueId={issueId} number={page.number} name={page.name} editor={page.editor} action={updatePageDetailsAction} />
        <UploadWithProgress
          url={`/admin/issues/${issueId}/pages/${page.number}/upload`}
          accept={PAGE_ACCEPT}
          label={hasImage ? `替换第${page.number}版版面(PDF 或图片)` : `上传第${page.number}版版面(PDF 或图片)`}
          buttonLabel={hasImage ? "替换" : "上传"}
          maxBytes={maxBytes}
          hint={`单页 PDF 或 PNG、JPEG、WebP 图片,最大 ${limit}。`}
          confirmText={hasImage ? `确定替换第${page.number}版的版面文件吗?该版的稿件和热区会保留。` : undefined}
        />
      </div>
    </li>
  );
}
