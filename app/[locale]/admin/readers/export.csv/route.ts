import { currentRole, getViewer } from "@/lib/access";
import { deny } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { readerCsvStream, recordReaderExport } from "@/lib/reader-csv";
import { todayInPaperZone } from "@/lib/dates";

/**
 * 导出读者 CSV: every reader with their access, streamed batch by batch. It is
 * personal data, so admins only, checked here against the database (route
 * handlers are not wrapped by the admin layout), and each download is audited.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const t = await requestTranslator("adminPeople.routes");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("signInFirst"));
  if ((await currentRole(viewer.id)) !== "admin") return deny(403, t("onlyAdminsExport"));
  await recordReaderExport(viewer.id);
  return new Response(readerCsvStream(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="readers-${todayInPaperZone()}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
