import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import type { QrCodeRow } from "@/lib/qr/codes-admin";

const stateKeys = { live: "live", disabled: "disabled", not_yet: "notYet", expired: "expired" } as const;

/** 生效中 / 已停用 / …: a code's live state in words. */
export function stateLabel(state: keyof typeof stateKeys, locale: Locale): string {
  return translatorFor(locale, "adminQr")(`states.${stateKeys[state]}`);
}

/** The active window in Beijing time, for lists and headings. */
export function windowText(code: Pick<QrCodeRow, "activeFrom" | "activeUntil">, locale: Locale): string {
  const t = translatorFor(locale, "adminQr");
  if (!code.activeFrom && !code.activeUntil) return t("window.unlimited");
  return t("window.range", {
    from: code.activeFrom ? paperDateTime(code.activeFrom, locale) : t("window.open"),
    until: code.activeUntil ? paperDateTime(code.activeUntil, locale) : t("window.open"),
  });
}
