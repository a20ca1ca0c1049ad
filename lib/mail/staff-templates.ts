import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";
import { letter, mailWords, type MailContent } from "./templates";

/** The staff invitation: the link is the only secret, valid once and until `expiresAt`. */
export function staffInvitationMail(
  locale: Locale,
  { inviterName, role, link, expiresAt }: {
    /** Null when the inviter has neither name nor address any more: "an administrator". */
    inviterName: string | null;
    role: "editor" | "admin";
    link: string;
    expiresAt: Date;
  },
): MailContent {
  const t = mailWords(locale);
  return {
    subject: t("staffInvitation.subject", { role }),
    text: letter(t, [
      t("staffInvitation.invited", { inviter: inviterName || t("staffInvitation.someAdmin"), role }),
      t("staffInvitation.accept", { until: paperDateTime(expiresAt, locale), link }),
      t("staffInvitation.newAccount"),
      t("staffInvitation.unknown"),
    ]),
  };
}
