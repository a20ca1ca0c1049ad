import { requestTranslator } from "@/lib/i18n/translate";
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
  const t = await requestTranslator("adminIssues");
  try {
    const uploader = await staffUploader(request);
    if (!uploader.ok) return uploader.response;
    const form = await readFormUpload(request, { fieldName: "package" });
    if (!form.ok) return uploadError(form.status, form.error);
    const file = form.files[0]!;
    const bytes = await fileBytes(file);
    if (sniffFileType(bytes) !== "zip") return uploadError(415, t("importRoute.notZip"));

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
            ? t("importRoute.forbidden")
            : warnings
              ? t("importRoute.notImportedWithWarnings", { errors, warnings })
              : t("importRoute.notImported", { errors }),
          report: outcome.report,
        },
        outcome.forbidden ? 403 : 422,
      );
    }
    const { date, number, pages, articles, photos } = outcome.summary;
    const what = t("importRoute.summary", { number: String(number), date, pages, articles, photos });
    if (outcome.dryRun) {
      return json({ ok: true, message: t("importRoute.checked", { what }), report: outcome.report });
    }
    return json({
      ok: true,
      message: t("importRoute.imported", { what }),
      href: `/admin/issues/${outcome.issueId}`,
      report: outcome.report,
    });
  } catch (error) {
    log.error({ err: error }, "Issue import failed unexpectedly");
    return uploadError(500, t("importRoute.serverError"));
  }
}
