import { addPhoto, articleForEditing, PHOTO_MAX_WIDTH, photoMaxBytes } from "@/lib/articles-admin";
import { requestTranslator } from "@/lib/i18n/translate";
import { parseIdParam } from "@/lib/params";
import { processImage } from "@/lib/uploads/image";
import { fileBytes, readFormUpload } from "@/lib/uploads/form-upload";
import { staffUploader, uploadError, uploadJson } from "@/lib/uploads/upload-route";
import { revalidateArticle } from "../../../../revalidate";
import { logger } from "@/lib/log";

const log = logger.child({ module: "photo-upload" });

/**
 * 上传图片: one photo for an article, with its caption and credit. The image is
 * checked by its content and re-encoded (lib/uploads/image.ts) before it is
 * stored; lib/articles-admin writes the row and the audit entry.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; articleId: string }> }): Promise<Response> {
  const t = await requestTranslator("adminIssues");
  try {
    // Session, staff role from the database, and same-site origin.
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    const raw = await params;
    const issueId = parseIdParam(raw.id);
    const articleId = parseIdParam(raw.articleId);
    const found = issueId && articleId ? await articleForEditing(issueId, articleId) : null;
    if (!found) return uploadError(404, t("routes.articleNotFound"));

    const form = await readFormUpload(request, { maxFileBytes: photoMaxBytes() });
    if (!form.ok) return uploadError(form.status, form.error);
    const image = await processImage(await fileBytes(form.files[0]!), { maxWidth: PHOTO_MAX_WIDTH });
    if (!image.ok) return uploadError(415, image.error);

    const result = await addPhoto(uploader.userId, found.article.id, image.full, { caption: form.fields.caption ?? "", credit: form.fields.credit ?? "" });
    if (!result.ok) {
      const details = Object.values(result.fieldErrors ?? {}).flat();
      return uploadError(result.error === t("common.forbidden") ? 403 : 400, details.length ? details.join(" ") : result.error);
    }
    if (result.issue.status === "published") revalidateArticle(result.article.id, result.issue);
    return uploadJson({ ok: true, message: t("routes.photoUploaded", { width: String(image.full.width), height: String(image.full.height) }) });
  } catch (error) {
    log.error({ err: error }, "Photo upload failed unexpectedly");
    return uploadError(500, t("common.serverError"));
  }
}
