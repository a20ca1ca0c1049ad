import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageDetailsForm } from "@/components/admin/page-details-form";
import { UploadWithProgress } from "@/components/admin/upload-with-progress";
import { Panel } from "@/components/ui/form-parts";
import { MAX_PAGES } from "@/lib/issues-admin";
import { issuePagesForPanel, type PanelPage } from "@/lib/pages-admin";
import { formatBytes, maxPdfPages, maxUploadBytes } from "@/lib/uploads/limits";
import { updatePageDetailsAction } from "./pages/actions";
import { Gloss } from "../gloss";

const PAGE_ACCEPT = "application/pdf,.pdf,image/png,image/jpeg,image/webp,image/gif";
const THUMB_SHOWN_WIDTH = 96;

/** The issue's 版面: a whole-issue upload, then each 版 with its thumbnail, 版名, 责任编辑 and its own upload. */
export async function IssuePagesPanel({ issueId }: { issueId: number }) {
  const t = await getTranslations("adminIssues.pagesPanel");
  const pageRows = await issuePagesForPanel(issueId);
  const maxBytes = maxUploadBytes();
  const limit = formatBytes(maxBytes);
  const pdfPageLimit = Math.min(maxPdfPages(), MAX_PAGES);

  return (
    <Panel labelledBy="issue-pages-heading">
      <h2 id="issue-pages-heading" className="mb-4 font-serif text-lg font-bold">
        {t("title")} <Gloss text={t("titleGloss")} className="font-sans text-xs font-normal text-muted" />
      </h2>

      <section aria-labelledby="issue-pages-whole" className="mb-5 rounded-md border border-rule bg-paper/40 p-4">
        <h3 id="issue-pages-whole" className="mb-2 text-sm font-bold">
          {t("whole")} <Gloss text={t("wholeGloss")} className="font-normal text-muted" />
        </h3>
        <UploadWithProgress
          url={`/admin/issues/${issueId}/pages/upload`}
          accept={PAGE_ACCEPT}
          multiple
          label={t("wholeLabel")}
          buttonLabel={t("wholeButton")}
          maxBytes={maxBytes}
          hint={t("wholeHint", { pdfPages: String(pdfPageLimit), limit })}
          confirmText={t("wholeConfirm")}
        />
      </section>

      {pageRows.length === 0 ? (
        <p className="text-sm text-muted">{t("noPages")}</p>
      ) : (
        <ol className="divide-y divide-rule" aria-label={t("listLabel")}>
          {pageRows.map((page) => (
            <PageItem key={page.id} issueId={issueId} page={page} maxBytes={maxBytes} limit={limit} />
          ))}
        </ol>
      )}
    </Panel>
  );
}

async function PageItem({ issueId, page, maxBytes, limit }: { issueId: number; page: PanelPage; maxBytes: number; limit: string }) {
  const t = await getTranslations("adminIssues.pagesPanel");
  const number = String(page.number);
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
            alt={t("thumbAlt", { number, name: page.name })}
            width={THUMB_SHOWN_WIDTH}
            height={shownHeight}
            loading="lazy"
            className="h-auto w-24 border border-rule bg-white"
          />
        ) : (
          <div className="flex aspect-[1/1.414] w-24 items-center justify-center border border-dashed border-rule text-center text-xs text-muted">
            {t("noImage")}
          </div>
        )}
      </div>
      <div className="min-w-0 space-y-3">
        <h3 id={headingId} className="text-sm font-bold">
          {t("heading", { number, name: page.name })}
          <span className="ml-2 font-normal text-muted">
            {t("articleCount", { count: page.articleCount })}
            {page.editor ? t("editor", { editor: page.editor }) : ""}
            {page.pdfKey ? t("hasPdf") : ""}
          </span>
        </h3>
        {hasImage ? (
          <p className="flex flex-wrap gap-x-4 text-sm">
            <Link href={`/admin/issues/${issueId}/pages/${page.number}/zones`} className="text-brand underline-offset-4 hover:underline">
              {t("editZones")}
              <span className="sr-only">{t("srPage", { number })}</span>
            </Link>
            <Link href={`/admin/issues/${issueId}/preview/pages/${page.number}`} className="text-brand underline-offset-4 hover:underline">
              {t("previewPage")}
              <span className="sr-only">{t("srPage", { number })}</span>
            </Link>
          </p>
        ) : null}
        <PageDetailsForm issueId={issueId} number={page.number} name={page.name} editor={page.editor} action={updatePageDetailsAction} />
        <UploadWithProgress
          url={`/admin/issues/${issueId}/pages/${page.number}/upload`}
          accept={PAGE_ACCEPT}
          label={hasImage ? t("replaceLabel", { number }) : t("uploadLabel", { number })}
          buttonLabel={hasImage ? t("replaceButton") : t("uploadButton")}
          maxBytes={maxBytes}
          hint={t("pageHint", { limit })}
          confirmText={hasImage ? t("replaceConfirm", { number }) : undefined}
        />
      </div>
    </li>
  );
}
