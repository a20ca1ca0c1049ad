"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The staff sections; `adminOnly` ones are hidden from editors (and refused to them by each page). */
const sections = [
  { href: "/admin", label: "概览", english: "Overview", exact: true, adminOnly: false },
  { href: "/admin/issues", label: "期次", english: "Issues", exact: false, adminOnly: false },
  { href: "/admin/pauses", label: "休刊管理", english: "Pauses", exact: false, adminOnly: false },
  { href: "/admin/delivery", label: "暂停投递", english: "Delivery", exact: false, adminOnly: false },
  { href: "/admin/schedule", label: "出版日程", english: "Schedule", exact: false, adminOnly: false },
  { href: "/admin/qr", label: "二维码", english: "QR codes", exact: false, adminOnly: false },
  { href: "/admin/readers", label: "读者", english: "Readers", exact: false, adminOnly: true },
  { href: "/admin/staff", label: "员工", english: "Staff", exact: false, adminOnly: true },
  { href: "/admin/settings", label: "报社资料", english: "Settings", exact: false, adminOnly: true },
  { href: "/admin/audit", label: "操作日志", english: "Audit log", exact: false, adminOnly: true },
] as const;

/** The staff nav; a client component only to mark the current section for screen readers too. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="编辑后台 Admin" className="-mx-1 flex flex-wrap gap-1 text-sm">
      {sections.filter((s) => isAdmin || !s.adminOnly).map((s) => {
        const current = s.exact ? pathname === s.href : pathname === s.href || pathname.startsWith(`${s.href}/`);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 transition ${current ? "bg-ink text-white" : "text-ink hover:bg-stone-100 hover:text-brand"}`}
          >
            {s.label}
            <span aria-hidden="true" className={`ml-1 text-xs ${current ? "text-white/70" : "text-muted"}`}>
              {s.english}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
