import { z } from "zod";
import { currentRole, getViewer } from "@/lib/access";
import { env } from "@/lib/env";
import { deny } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { shortUrl } from "@/lib/qr/code";
import { getQrCode, printLogo } from "@/lib/qr/codes-view";
import { makeDownloadParamsSchema, qrPdf, qrPng, qrSvg } from "@/lib/qr/print";
import { isStaff } from "@/lib/roles";
import { FILE_CONTENT_SECURITY_POLICY } from "@/lib/security-headers";

/**
 * 下载印刷文件: SVG, PNG (300 dpi) or PDF of a code at a physical size. Staff
 * only, checked here against the database (route handlers are not wrapped by
 * the admin layout); bad parameters are a 400 with the reason, not a 500.
 */
export const dynamic = "force-dynamic";

const types = { svg: "image/svg+xml; charset=utf-8", png: "image/png", pdf: "application/pdf" } as const;

const badRequest = (message: string) => new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A file name from the label: no path separators, quotes or control characters. */
const safeName = (label: string) =>
  label
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
    .trim()
    .slice(0, 60) || "qr";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const t = await requestTranslator("adminQr");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("routes.signIn"));
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, t("routes.downloadForbidden"));

  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) return deny(404, t("routes.noCode"));
  const code = await getQrCode(Number(id));
  if (!code) return deny(404, t("routes.noCode"));

  const parsed = makeDownloadParamsSchema(t).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const reasons = [...flat.formErrors, ...Object.values(flat.fieldErrors).flat()].join(t("routes.separator"));
    return badRequest(t("routes.badParams", { details: reasons || t("routes.checkOptions") }));
  }
  const p = parsed.data;
  const options = {
    url: shortUrl(code.code, env().APP_URL),
    sizeCm: p.sizeCm,
    ec: p.ec,
    logo: p.logo ? await printLogo() : null,
    caption: p.caption || null,
    showUrl: p.showUrl,
  };
  const body = p.format === "svg" ? Buffer.from(qrSvg(options)) : p.format === "png" ? await qrPng(options) : Buffer.from(await qrPdf(options));
  const fileName = `${safeName(code.label)}-${code.code}-${p.sizeCm}cm.${p.format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": types[p.format],
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="qr-${code.code}-${p.sizeCm}cm.${p.format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": FILE_CONTENT_SECURITY_POLICY,
    },
  });
}
