import type { Locale } from "./config";
import type { Messages } from "./messages";

// Types every t("…") key and its arguments from the zh-CN catalog.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
