import { revalidatePage } from "@/lib/i18n/revalidate";
import { requestTranslator } from "@/lib/i18n/translate";
import { currentRole } from "@/lib/access";
import { replaceLogo } from "@/lib/publication-settings";
import { fileBytes, readFormUpload } from "@/lib/uploads/form-upload";
import { staffUploader, uploadError, uploadJson } from "@/lib/uploads/upload-route";

const MAX_LOGO_BYTES = 10 * 1024 * 1024;

/** The paper's logo (an image, re-encoded); admins only. */
export async function POST(request: Request): Promise<Response> {
  const t = await requestTranslator("adminPublishing.settings.logoRoute");
  try {
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    if ((await currentRole(uploader.userId)) !== "admin") return uploadError(403, t("adminsOnly"));
    const form = await readFormUpload(request, { maxFileBytes: MAX_LOGO_BYTES });
    if (!form.ok) return uploadError(form.status, form.error);
    const result = await replaceLogo(uploader.userId, await fileBytes(form.files[0]!));
    if ("error" in result) return uploadError(400, result.error);
    revalidatePage("/", "layout");
    return uploadJson({ ok: true, message: t("updated") });
  } catch (error) {
    console.error("[logo upload] unexpected error:", error);
    return uploadError(500, t("failed"));
  }
}
