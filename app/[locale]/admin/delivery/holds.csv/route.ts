import { getViewer } from "@/lib/access";
import { distributionDays } from "@/lib/delivery-holds";
import { deny } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { isStaff } from "@/lib/roles";
import { CSV_DAYS, deliveryHoldsCsv, listStart } from "../holds-csv";

/**
 * The held deliveries of the coming publication days (from today, or from
 * ?from=YYYY-MM-DD to plan further ahead), for the distribution team's
 * spreadsheet. It holds readers' addresses, so the role is checked here: the
 * admin layout does not wrap route handlers, and middleware only looks for a
 * session cookie.
 */
export async function GET(request: Request): Promise<Response> {
  const t = await requestTranslator("adminPeople.routes");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("signInFirst"));
  if (!isStaff(viewer.role)) return deny(403, t("noDeliveryList"));
  const from = listStart(new URL(request.url).searchParams.get("from"));
  const csv = deliveryHoldsCsv(await distributionDays(from, CSV_DAYS));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="delivery-holds-${from}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
