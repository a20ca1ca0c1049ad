import type { Locale } from "./config";
import enAccount from "./messages/en/account.json" with { type: "json" };
import enAdminIssues from "./messages/en/admin-issues.json" with { type: "json" };
import enAdminPeople from "./messages/en/admin-people.json" with { type: "json" };
import enAdminPublishing from "./messages/en/admin-publishing.json" with { type: "json" };
import enAdminQr from "./messages/en/admin-qr.json" with { type: "json" };
import enCommon from "./messages/en/common.json" with { type: "json" };
import enMail from "./messages/en/mail.json" with { type: "json" };
import enReader from "./messages/en/reader.json" with { type: "json" };
import zhAccount from "./messages/zh-CN/account.json" with { type: "json" };
import zhAdminIssues from "./messages/zh-CN/admin-issues.json" with { type: "json" };
import zhAdminPeople from "./messages/zh-CN/admin-people.json" with { type: "json" };
import zhAdminPublishing from "./messages/zh-CN/admin-publishing.json" with { type: "json" };
import zhAdminQr from "./messages/zh-CN/admin-qr.json" with { type: "json" };
import zhCommon from "./messages/zh-CN/common.json" with { type: "json" };
import zhMail from "./messages/zh-CN/mail.json" with { type: "json" };
import zhReader from "./messages/zh-CN/reader.json" with { type: "json" };

/**
 * Every UI string (and every mail), by language and area. One file per area and language keeps
 * a change to the admin's wording out of the reader's files. The zh-CN catalog
 * is the reference: its shape types every `t("…")` call (global.d.ts), and a
 * test holds the English catalog to the same keys and arguments.
 */
const zhCN = {
  common: zhCommon,
  reader: zhReader,
  account: zhAccount,
  adminIssues: zhAdminIssues,
  adminQr: zhAdminQr,
  adminPeople: zhAdminPeople,
  adminPublishing: zhAdminPublishing,
  mail: zhMail,
};

export type Messages = typeof zhCN;
export type Namespace = keyof Messages;

export const catalogs: Record<Locale, Messages> = {
  "zh-CN": zhCN,
  en: {
    common: enCommon,
    reader: enReader,
    account: enAccount,
    adminIssues: enAdminIssues,
    adminQr: enAdminQr,
    adminPeople: enAdminPeople,
    adminPublishing: enAdminPublishing,
    mail: enMail,
  } as Messages,
};
