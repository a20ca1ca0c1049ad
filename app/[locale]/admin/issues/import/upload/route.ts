import { importFromZip } from "@/lib/issue-import";
import { countReport } from "@/lib/issue-import/report";
import { fileBytes, readFormUpload } from "@/lib/uploads/form-upload";
import { sniffFileType } from "@/lib/uploads/sniff";
import { staffUploader, uploadError } from "@/lib/uploads/upload-route";
import { logger } from "@/lib/log";

const log = logger.child({ module: "issue-import" });

/**
 * POST a zipped issue package (field "package"; "dryRun" and "allowOffDay"
 * checkboxes). Answers JSON for components/admin/import-package-form.tsx:
 * `{ ok, message, href?, report }` or `{ error, report }` with a 4xx status.
 * The access check is made here (staffUploader re-reads the role from the
 * database), and again by the import itself.
 */
const checked = (value: string | undefined) => value === "on" || value === "1" || value === "true";

const json = (body: Record<string, unknown>, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  try {
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    const form = await readFormUpload(request, { fieldName: "package" });
    if (!form.ok) return uploadError(form.status, form.error);
    const file = form.files[0]!;
    const bytes = await fileBytes(file);
    if (sniffFileType(bytes) !== "zip") return uploadError(415, "请上传 .zip 格式的期次包。Upload the issue package as a .zip file.");

    const dryRun = checked(form.fields.dryRun);
    const outcome = await importFromZip(bytes, file.name.slice(0, 120) || "package.zip", {
      actorId: uploader.userId,
      dryRun,
      allowOffDay: checked(form.fields.allowOffDay),
    });
    if (!outcome.ok) {
      const { errors, warnings } = countReport(outcome.report);
      return json(
        {
          error: outcome.forbidden
            ? "您没有权限导入期次。Staff only."
            : `未导入:发现${errors}个错误${warnings ? `、${warnings}个提示` : ""},请修正后重新上传。Not imported: fix the ${errors} error(s) below and upload again.`,
          report: outcome.report,
        },
        outcome.forbidden ? 403 : 422,
      );
    }
    const { date, number, pages, articles, photos } = outcome.summary;
    const what = `总第${number}期(${date}),${pages}版,${articles}篇文章,${photos}张图片`;
    if (outcome.dryRun) {
      return json({ ok: true, message: `检查通过,可以导入:${what}。未写入任何内容。Check passed; nothing was imported.`, report: outcome.report });
    }
    return json({
      ok: true,
      message: `已导入为草稿:${what}。请检查后出版。Imported as a draft.`,
      href: `/admin/issues/${outcome.issueId}`,
      report: outcome.report,
    });
  } catch (error) {
    log.error({ err: error }, "Issue import failed unexpectedly");
    return uploadError(500, "服务器出错,未导入任何内容,请重试。Something went wrong; nothing was imported.");
  }
}
