import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CAPTION_MAX, MAX_SIZE_CM, MIN_SIZE_CM } from "@/lib/qr/print";

const sizes = ["2", "3", "5"] as const;
/** The example caption: print content chosen by staff (it goes under the code on paper), so it stays Chinese. */
const CAPTION_EXAMPLE = "扫码关注本报网站";

const inputClass = "rounded-md border border-rule bg-white px-3 py-2 text-sm";

/** A small English gloss after a Chinese label, with its space; none in English. */
function gloss(text: string, className: string): ReactNode {
  return text ? (
    <>
      {" "}
      <span className={className}>{text}</span>
    </>
  ) : null;
}

/**
 * The print download options: a plain GET form to the download route, so it
 * works before (and without) any JavaScript; the route validates every field.
 */
export function QrDownloadForm({ id, cjkFontMissing = false }: { id: number; cjkFontMissing?: boolean }) {
  const t = useTranslations("adminQr.download");
  return (
    <form method="get" action={`/admin/qr/${id}/download`} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">
            {t("format")}
            {gloss(t("formatGloss"), "text-xs font-normal text-muted")}
          </legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {(["svg", "png", "pdf"] as const).map((format) => (
              <label key={format} className="flex items-center gap-1.5">
                <input type="radio" name="format" value={format} defaultChecked={format === "svg"} className="h-4 w-4" />
                {format.toUpperCase()}
              </label>
            ))}
          </div>
          <p className="text-xs text-muted">{t("formatHint")}</p>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="qr-size" className="block text-sm font-medium">
            {t("size")}
            {gloss(t("sizeGloss"), "text-xs font-normal text-muted")}
          </label>
          <select id="qr-size" name="size" defaultValue="3" className={inputClass} aria-describedby="qr-size-hint">
            {sizes.map((value) => (
              <option key={value} value={value}>
                {t("sizeCm", { cm: value })}
              </option>
            ))}
            <option value="custom">{t("sizeCustom")}</option>
          </select>
          <p id="qr-size-hint" className="text-xs text-muted">
            {t("sizeHint")}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="qr-custom-cm" className="block text-sm font-medium">
            {t("customCm")}
            {gloss(t("customCmGloss"), "text-xs font-normal text-muted")}
          </label>
          <input id="qr-custom-cm" name="customCm" type="number" inputMode="decimal" min={MIN_SIZE_CM} max={MAX_SIZE_CM} step={0.1} className={`${inputClass} w-28`} aria-describedby="qr-custom-hint" />
          <p id="qr-custom-hint" className="text-xs text-muted">
            {t("customCmHint", { min: String(MIN_SIZE_CM), max: String(MAX_SIZE_CM) })}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="qr-ec" className="block text-sm font-medium">
            {t("ec")}
            {gloss(t("ecGloss"), "text-xs font-normal text-muted")}
          </label>
          <select id="qr-ec" name="ec" defaultValue="M" className={inputClass} aria-describedby="qr-ec-hint">
            <option value="L">{t("ecL")}</option>
            <option value="M">{t("ecM")}</option>
            <option value="Q">{t("ecQ")}</option>
            <option value="H">{t("ecH")}</option>
          </select>
          <p id="qr-ec-hint" className="text-xs text-muted">
            {t("ecHint")}
          </p>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="qr-caption" className="block text-sm font-medium">
            {t("caption")}
            {gloss(t("captionGloss"), "text-xs font-normal text-muted")}
          </label>
          <input id="qr-caption" name="caption" maxLength={CAPTION_MAX} placeholder={CAPTION_EXAMPLE} className={`${inputClass} w-full`} />
        </div>
        <div className="flex flex-col justify-end gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="logo" value="1" className="h-4 w-4" />
            {t("logo")}
            {gloss(t("logoGloss"), "text-xs text-muted")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showUrl" value="1" className="h-4 w-4" />
            {t("showUrl")}
            {gloss(t("showUrlGloss"), "text-xs text-muted")}
          </label>
        </div>
      </div>
      {cjkFontMissing ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("cjkFontMissing")}
        </p>
      ) : null}
      <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        {t("submit")}
        {gloss(t("submitGloss"), "text-xs opacity-80")}
      </button>
    </form>
  );
}
