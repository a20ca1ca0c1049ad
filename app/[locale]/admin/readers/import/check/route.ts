import { currentRole, getViewer } from "@/lib/access";
import { deny } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { decodeCsv, IMPORT_MAX_BYTES } from "@/lib/reader-csv";
import { stageImport } from "../staging";

/**
 * 检查文件: receives the uploaded reader list (a plain form post, so it works
 * without JavaScript and is not held to the 1 MB server-action body limit),
 * keeps it under a random key and sends the admin to the report. Admin-only,
 * checked here: route handlers are not wrapped by the admin layout.
 */
// A relative Location: behind a proxy, request.url may name the internal host.
const back = (_request: Request, query: string) => new Response(null, { status: 303, headers: { Location: `/admin/readers/import?${query}`, "Cache-Control": "no-store" } });

/** A form posted from another site must not ride on an admin's cookies. */
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "cross-site";
  try {
    const host = new URL(origin).host;
    return ![request.headers.get("x-forwarded-host"), request.headers.get("host"), new URL(request.url).host].includes(host);
  } catch {
    return true;
  }
}

export async function POST(request: Request): Promise<Response> {
  const t = await requestTranslator("adminPeople.routes");
  if (isCrossSite(request)) return deny(403, t("crossSite"));
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("signInFirst"));
  if ((await currentRole(viewer.id)) !== "admin") return deny(403, t("onlyAdminsImport"));

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > IMPORT_MAX_BYTES + 64 * 1024) return back(request, "error=too-large");
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return back(request, "error=no-file");
  }
  if (!(file instanceof File) || file.size === 0) return back(request, "error=no-file");
  if (file.size > IMPORT_MAX_BYTES) return back(request, "error=too-large");
  const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  const id = await stageImport({ fileName: file.name || "readers.csv", csv, uploadedBy: viewer.id });
  return back(request, `check=${id}`);
}
