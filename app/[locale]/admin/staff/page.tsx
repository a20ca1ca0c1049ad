import type { Metadata } from "next";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { listPendingInvitations } from "@/lib/invitations";
import { formatPaperTime } from "@/lib/issues-admin";
import { listStaff } from "@/lib/staff";
import { ChangeRoleButton, InviteStaffForm, RemoveStaffButton, RevokeInvitationButton } from "./staff-forms";

export const metadata: Metadata = { title: "员工" };

const ROLE = { admin: "管理员", editor: "编辑", member: "读者" } as const;

/** Staff accounts, open invitations and the invite form. Admins only. */
export default async function StaffPage() {
  const viewer = await requireStaff("/admin/staff", ["admin"]);
  const [staff, pending] = await Promise.all([listStaff(), listPendingInvitations()]);
  const adminCount = staff.filter((s) => s.role === "admin").length;

  return (
    <div className="space-y-8">
      <h1 className="font-serif text-2xl font-bold">
        员工 <span className="font-sans text-sm font-normal text-muted">Staff</span>
      </h1>

      <section aria-labelledby="staff-list-heading" className="space-y-3">
        <h2 id="staff-list-heading" className="font-serif text-lg font-bold">
          员工列表 <span className="font-sans text-xs font-normal text-muted">Staff members</span>
        </h2>
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
          {staff.map((member) => {
            const label = member.name ? `${member.name}(${member.email})` : member.email;
            const lastAdmin = member.role === "admin" && adminCount <= 1;
            return (
              <li key={member.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" aria-label={label}>
                <div className="min-w-0">
                  <p className="font-medium">
                    {member.name ?? member.email}
                    {member.id === viewer.id ? <span className="ml-2 text-xs text-muted">(您)</span> : null}
                  </p>
                  <p className="break-all text-sm text-muted">{member.email}</p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <span className={`rounded px-2 py-1 text-xs ${member.role === "admin" ? "bg-ink text-white" : "bg-stone-100 text-ink"}`}>{ROLE[member.role]}</span>
                  {lastAdmin ? (
                    <span className="py-1 text-xs text-muted">唯一的管理员,不能移出</span>
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
          待接受的邀请 <span className="font-sans text-xs font-normal text-muted">Pending invitations</span>
        </h2>
        {pending.length === 0 ? (
          <p className="text-sm text-muted">没有待接受的邀请。</p>
        ) : (
          <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
            {pending.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" aria-label={invitation.email}>
                <div className="min-w-0 text-sm">
                  <p className="break-all font-medium">{invitation.email}</p>
                  <p className="text-muted">
                    {ROLE[invitation.role]} · {formatPaperTime(invitation.expiresAt)} 前有效
                    {invitation.invitedBy ? ` · 邀请人 ${invitation.invitedBy}` : ""}
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
            邀请员工 <span className="font-sans text-xs font-normal text-muted">Invite</span>
          </h2>
          <InviteStaffForm />
        </Panel>
      </div>
    </div>
  );
}
