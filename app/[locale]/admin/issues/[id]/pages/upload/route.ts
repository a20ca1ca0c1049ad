import { requestTranslator } from "@/lib/i18n/translate";
import { MAX_PAGES } from "@/lib/issues-admin";
import { attachIssueImages, attachIssuePdf } from "@/lib/pages-admin";
import { parseIdParam } from "@/lib/params";
import { fileBytes, readFormUpload } from "@/lib/uploads/form-upload";
import { isImageType, sniffFileType } from "@/lib/uploads/sniff";
import { staffUploader, statusFor, uploadError, uploadJson } from "@/lib/uploads/upload-route";
import { revalidateIssue } from "../../../revalidate";
import { logger } from "@/lib/log";

const log = logger.child({ module: "pages-upload" });

/**
 * 整期上传: one multi-page PDF for the whole issue (page i becomes 第i版),
 * or several images in page order. Answers JSON for UploadWithProgress.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const t = await requestTranslator("adminIssues");
  try {
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    const issueId = parseIdParam((await params).id);
    if (!issueId) return uploadError(404, t("routes.issueNotFound"));

    const form = await readFormUpload(request, { multiple: true, maxFiles: MAX_PAGES });
    if (!form.ok) return uploadError(form.status, form.error);

    const files = await Promise.all(form.files.map(async (file) => ({ bytes: await fileBytes(file), name: file.name })));
    const first = files[0]!;
    let result;
    const firstType = sniffFileType(first.bytes);
    if (files.length === 1 && firstType === "pdf") {
      result = await attachIssuePdf(uploader.userId, issueId, first.bytes);
    } else if (files.length === 1 && !isImageType(firstType)) {
      return uploadError(400, t("routes.notPdfOrImage"));
    } else if (files.some((f) => sniffFileType(f.bytes) === "pdf")) {
      return uploadError(400, t("routes.onePdfOrImages"));
    } else {
      result = await attachIssueImages(uploader.userId, issueId, files);
    }
    if (!result.ok) return uploadError(statusFor(result.code), result.error);
    if (result.issue.status === "published") revalidateIssue(result.issue);
    return uploadJson({ ok: true, message: result.message });
  } catch (error) {
    log.error({ err: error }, "Pages upload failed unexpectedly");
    return uploadError(500, t("common.serverError"));
  }
}
