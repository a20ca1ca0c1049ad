import { currentRole, getViewer } from "@/lib/access";
import { todayInPaperZone } from "@/lib/dates";
import { deny } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { scanCsvStream, type QrFilter } from "@/lib/qr/analytics";
import { isStaff } from "@/lib/roles";

/**
 * 导出扫码记录: every scan of the last 90 days (or ?days=1–366), for all codes,
 * one code (?code=ID) or a campaign (?campaign=…). Times in Beijing time; no
 * visitor hashes. Staff only, checked here against the database.
 */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const t = await requestTranslator("adminQr");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("routes.signIn"));
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, t("routes.exportForbidden"));
  const query = new URL(request.url).searchParams;
  const filter: QrFilter = {};
  const code = query.get("code");
  const campaign = query.get("campaign");
  const daysParam = query.get("days");
  if (code !== null) {
    if (!/^[1-9]\d{0,8}$/.test(code)) return new Response(t("routes.badParams", { details: "code" }), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    filter.codeId = Number(code);
  } else if (campaign) {
    if (campaign.length > 60) return new Response(t("routes.badParams", { details: "campaign" }), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    filter.campaign = campaign;
  }
  const days = daysParam && /^\d{1,3}$/.test(daysParam) ? Math.min(366, Math.max(1, Number(daysParam))) : 90;
  const suffix = filter.codeId ? `-code-${filter.codeId}` : filter.campaign ? "-campaign" : "";
  return new Response(scanCsvStream(filter, days), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="qr-scans${suffix}-${todayInPaperZone()}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
