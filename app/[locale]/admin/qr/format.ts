import { formatPaperTime } from "@/lib/issues-admin";
import type { QrCodeRow } from "@/lib/qr/codes-admin";

export const stateLabel = { live: "生效中", disabled: "已停用", not_yet: "未开始", expired: "已过期" } as const;

/** The active window in Beijing time, for lists and headings. */
export function windowText(code: Pick<QrCodeRow, "activeFrom" | "activeUntil">): string {
  if (!code.activeFrom && !code.activeUntil) return "不限";
  return `${code.activeFrom ? formatPaperTime(code.activeFrom) : "…"} 至 ${code.activeUntil ? formatPaperTime(code.activeUntil) : "…"}`;
}
