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
  try {
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    const issueId = parseIdParam((await params).id);
    if (!issueId) return uploadError(404, "没有这一期。Issue not found.");

    const form = await readFormUpload(request, { multiple: true, maxFiles: MAX_PAGES });
    if (!form.ok) return uploadError(form.status, form.error);

    const files = await Promise.all(form.files.map(async (file) => ({ bytes: await fileBytes(file), name: file.name })));
    const first = files[0]!;
    let result;
    const firstType = sniffFileType(first.bytes);
    if (files.length === 1 && firstType === "pdf") {
      result = await attachIssuePdf(uploader.userId, issueId, first.bytes);
    } else if (files.length === 1 && !isImageType(firstType)) {
      return uploadError(400, "不是 PDF 文件,也不是可识别的图片(PNG、JPEG、WebP、GIF)。Upload a PDF or images.");
    } else if (files.some((f) => sniffFileType(f.bytes) === "pdf")) {
      return uploadError(400, "整期 PDF 请单独上传一个文件;多个文件时只接受图片。Upload one PDF, or several images.");
    } else {
      result = await attachIssueImages(uploader.userId, issueId, files);
    }
    if (!result.ok) return uploadError(statusFor(result.code), result.error);
    if (result.issue.status === "published") revalidateIssue(result.issue);
    return uploadJson({ ok: true, message: result.message });
  } catch (error) {
    log.error({ err: error }, "Pages upload failed unexpectedly");
    return uploadError(500, "服务器出错,上传未完成,请重试。Something went wrong; please try again.");
  }
}
