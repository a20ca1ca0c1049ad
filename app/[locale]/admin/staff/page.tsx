import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDateTime } from "@/lib/i18n/format";
import { listPendingInvitations } from "@/lib/invitations";
import { listStaff } from "@/lib/staff";
import { ChangeRoleButton, InviteStaffForm, RemoveStaffButton, RevokeInvitationButton } from "./staff-forms";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.staff.page" });
  return { title: t("metaTitle") };
}

/** The short English name the Chinese UI shows beside a heading (none in the English UI). */
const Hint = ({ text, className }: { text: string; className: string }) => (text ? <span className={className}>{text}</span> : null);

/** Staff accounts, open invitations and the invite form. Admins only. */
export default async function StaffPage({ params }: { params: Params }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const viewer = await requireStaff("/admin/staff", ["admin"]);
  const t = await getTranslations("adminPeople.staff.page");
  const roles = await getTranslations("adminPeople.roles");
  const [staff, pending] = await Promise.all([listStaff(), listPendingInvitations()]);
  const adminCount = staff.filter((s) => s.role === "admin").length;

  return (
    <div className="space-y-8">
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} <Hint text={t("titleHint")} className="font-sans text-sm font-normal text-muted" />
      </h1>

      <section aria-labelledby="staff-list-heading" className="space-y-3">
        <h2 id="staff-list-heading" className="font-serif text-lg font-bold">
          {t("list")} <Hint text={t("listHint")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
          {staff.map((member) => {
            const label = member.name ? t("memberLabel", { name: member.name, email: member.email }) : member.email;
            const lastAdmin = member.role === "admin" && adminCount <= 1;
            return (
              <li key={member.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" aria-label={label}>
                <div className="min-w-0">
                  <p className="font-medium">
                    {member.name ?? member.email}
                    {member.id === viewer.id ? <span className="ml-2 text-xs text-muted">{t("you")}</span> : null}
                  </p>
                  <p className="break-all text-sm text-muted">{member.email}</p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <span className={`rounded px-2 py-1 text-xs ${member.role === "admin" ? "bg-ink text-white" : "bg-stone-100 text-ink"}`}>{roles(member.role)}</span>
                  {lastAdmin ? (
                    <span className="py-1 text-xs text-muted">{t("lastAdmin")}</span>
                  ) : (
                    <>
                      <ChangeRoleButton userId={member.id} label={label} role={member.role === "admin" ? "editor" : "admin"} />
                      <RemoveStaffButton userId={member.id} label={label} />
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="font-serif text-lg font-bold">
          {t("pending")} <Hint text={t("pendingHint")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        {pending.length === 0 ? (
          <p className="text-sm text-muted">{t("pendingEmpty")}</p>
        ) : (
          <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
            {pending.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" aria-label={invitation.email}>
                <div className="min-w-0 text-sm">
                  <p className="break-all font-medium">{invitation.email}</p>
                  <p className="text-muted">
                    {t("validUntil", { role: roles(invitation.role), date: paperDateTime(invitation.expiresAt, locale) })}
                    {invitation.invitedBy ? t("invitedBy", { name: invitation.invitedBy }) : ""}
                  </p>
                </div>
                <RevokeInvitationButton id={invitation.id} email={invitation.email} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="max-w-md">
        <Panel labelledBy="invite-heading">
          <h2 id="invite-heading" className="mb-3 font-serif text-lg font-bold">
            {t("invite")} <Hint text={t("inviteHint")} className="font-sans text-xs font-normal text-muted" />
          </h2>
          <InviteStaffForm />
        </Panel>
      </div>
    </div>
  );
}
