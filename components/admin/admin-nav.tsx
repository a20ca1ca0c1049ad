"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The staff sections; `adminOnly` ones are hidden from editors (and refused to them by each page). */
const sections = [
  { href: "/admin", key: "overview", exact: true, adminOnly: false },
  { href: "/admin/issues", key: "issues", exact: false, adminOnly: false },
  { href: "/admin/pauses", key: "pauses", exact: false, adminOnly: false },
  { href: "/admin/delivery", key: "delivery", exact: false, adminOnly: false },
  { href: "/admin/schedule", key: "schedule", exact: false, adminOnly: false },
  { href: "/admin/qr", key: "qr", exact: false, adminOnly: false },
  { href: "/admin/readers", key: "readers", exact: false, adminOnly: true },
  { href: "/admin/staff", key: "staff", exact: false, adminOnly: true },
  { href: "/admin/settings", key: "settings", exact: false, adminOnly: true },
  { href: "/admin/audit", key: "audit", exact: false, adminOnly: true },
] as const;

/** The staff nav; a client component only to mark the current section for screen readers too. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const t = useTranslations("adminPeople.nav");
  return (
    <nav aria-label={t("label")} className="-mx-1 flex flex-wrap gap-1 text-sm">
      {sections.filter((s) => isAdmin || !s.adminOnly).map((s) => {
        const current = s.exact ? pathname === s.href : pathname === s.href || pathname.startsWith(`${s.href}/`);
        // The Chinese UI shows a short English name beside each label, kept out of the accessible name.
        const hint = t(`${s.key}.hint`);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 transition ${current ? "bg-ink text-white" : "text-ink hover:bg-stone-100 hover:text-brand"}`}
          >
            {t(`${s.key}.label`)}
            {hint ? (
              <span aria-hidden="true" className={`ml-1 text-xs ${current ? "text-white/70" : "text-muted"}`}>
                {hint}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
