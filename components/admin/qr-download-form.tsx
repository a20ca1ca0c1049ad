import { CAPTION_MAX, MAX_SIZE_CM, MIN_SIZE_CM } from "@/lib/qr/print";

const sizes = [
  ["2", "2 厘米"],
  ["3", "3 厘米"],
  ["5", "5 厘米"],
  ["custom", "自定义"],
] as const;

const inputClass = "rounded-md border border-rule bg-white px-3 py-2 text-sm";

/**
 * The print download options: a plain GET form to the download route, so it
 * works before (and without) any JavaScript; the route validates every field.
 */
export function QrDownloadForm({ id, cjkFontMissing = false }: { id: number; cjkFontMissing?: boolean }) {
  return (
    <form method="get" action={`/admin/qr/${id}/download`} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">
            格式 <span className="text-xs font-normal text-muted">Format</span>
          </legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {(["svg", "png", "pdf"] as const).map((format) => (
              <label key={format} className="flex items-center gap-1.5">
                <input type="radio" name="format" value={format} defaultChecked={format === "svg"} className="h-4 w-4" />
                {format.toUpperCase()}
              </label>
            ))}
          </div>
          <p className="text-xs text-muted">SVG 为矢量;PNG 为 300 dpi</p>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="qr-size" className="block text-sm font-medium">
            尺寸 <span className="text-xs font-normal text-muted">Size</span>
          </label>
          <select id="qr-size" name="size" defaultValue="3" className={inputClass} aria-describedby="qr-size-hint">
            {sizes.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <p id="qr-size-hint" className="text-xs text-muted">
            宽度,含四周留白
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="qr-custom-cm" className="block text-sm font-medium">
            自定义尺寸(厘米) <span className="text-xs font-normal text-muted">Custom cm</span>
          </label>
          <input id="qr-custom-cm" name="customCm" type="number" inputMode="decimal" min={MIN_SIZE_CM} max={MAX_SIZE_CM} step={0.1} className={`${inputClass} w-28`} aria-describedby="qr-custom-hint" />
          <p id="qr-custom-hint" className="text-xs text-muted">
            选择「自定义」时填写,{MIN_SIZE_CM}至{MAX_SIZE_CM}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="qr-ec" className="block text-sm font-medium">
            纠错等级 <span className="text-xs font-normal text-muted">Error correction</span>
          </label>
          <select id="qr-ec" name="ec" defaultValue="M" className={inputClass} aria-describedby="qr-ec-hint">
            <option value="L">L(7%)</option>
            <option value="M">M(15%,默认)</option>
            <option value="Q">Q(25%)</option>
            <option value="H">H(30%)</option>
          </select>
          <p id="qr-ec-hint" className="text-xs text-muted">
            中间放标志时自动使用 H
          </p>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="qr-caption" className="block text-sm font-medium">
            说明文字(可选) <span className="text-xs font-normal text-muted">Caption</span>
          </label>
          <input id="qr-caption" name="caption" maxLength={CAPTION_MAX} placeholder="扫码关注本报网站" className={`${inputClass} w-full`} />
        </div>
        <div className="flex flex-col justify-end gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="logo" value="1" className="h-4 w-4" />
            中间放置本报标志 <span className="text-xs text-muted">Logo in the centre</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showUrl" value="1" className="h-4 w-4" />
            在下方显示短网址 <span className="text-xs text-muted">Show URL</span>
          </label>
        </div>
      </div>
      {cjkFontMissing ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          服务器未安装中文字体:PNG 和 PDF 中的中文说明文字无法正确显示。SVG 文件不受影响(由排版软件的字体显示)。
        </p>
      ) : null}
      <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        下载 <span className="text-xs opacity-80">Download</span>
      </button>
    </form>
  );
}
