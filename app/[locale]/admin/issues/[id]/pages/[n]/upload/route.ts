import { requestTranslator } from "@/lib/i18n/translate";
import { MAX_PAGES } from "@/lib/issues-admin";
import { replacePageFile } from "@/lib/pages-admin";
import { parseIdParam } from "@/lib/params";
import { fileBytes, readFormUpload } from "@/lib/uploads/form-upload";
import { staffUploader, statusFor, uploadError, uploadJson } from "@/lib/uploads/upload-route";
import { revalidateIssue } from "../../../../revalidate";
import { logger } from "@/lib/log";

const log = logger.child({ module: "page-upload" });

/** One 版: a one-page PDF or an image, replacing the page's files (its articles and hot zones stay). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; n: string }> }): Promise<Response> {
  const t = await requestTranslator("adminIssues");
  try {
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    const raw = await params;
    const issueId = parseIdParam(raw.id);
    const number = parseIdParam(raw.n, MAX_PAGES);
    if (!issueId || !number) return uploadError(404, t("routes.pageNotFound"));

    const form = await readFormUpload(request);
    if (!form.ok) return uploadError(form.status, form.error);

    const result = await replacePageFile(uploader.userId, issueId, number, await fileBytes(form.files[0]!));
    if (!result.ok) return uploadError(statusFor(result.code), result.error);
    if (result.issue.status === "published") revalidateIssue(result.issue);
    return uploadJson({ ok: true, message: result.message });
  } catch (error) {
    log.error({ err: error }, "Page upload failed unexpectedly");
    return uploadError(500, t("common.serverError"));
  }
}
