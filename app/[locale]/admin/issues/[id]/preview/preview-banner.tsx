import Link from "next/link";
import { chineseDate } from "@/lib/dates";
import type { Issue } from "@/lib/editions";
import { formatPaperTime } from "@/lib/issues-admin";

/** On every preview page: whose eyes this is for, and the way back to the issue's admin page. */
export function PreviewBanner({ issue, links = [] }: { issue: Issue; links?: { href: string; label: string }[] }) {
  const published = issue.status === "published";
  const state = published
    ? "已出版,读者可见"
    : issue.status === "scheduled" && issue.publishAt
      ? `读者尚不可见 · 定时于 ${formatPaperTime(issue.publishAt)}(北京时间)出版`
      : "读者尚不可见 · 草稿";
  return (
    <aside
      aria-label="预览 Preview"
      className={`flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm ${
        published ? "border-emerald-700/30 bg-emerald-50 text-emerald-950" : "border-amber-400 bg-amber-50 text-amber-950"
      }`}
    >
      <p>
        <strong>预览 — {published ? "已出版" : "读者尚不可见"}</strong>
        <span className="ml-2">
          {chineseDate(issue.date)} 总第{issue.number}期 · {state}
        </span>
        <span aria-hidden="true" className="ml-2 text-xs opacity-70">
          Preview as a subscriber
        </span>
      </p>
      <p className="flex flex-wrap gap-3">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="underline underline-offset-4 hover:text-brand">
            {link.label}
          </Link>
        ))}
        <Link href={`/admin/issues/${issue.id}`} className="font-medium underline underline-offset-4 hover:text-brand">
          ← 返回期次管理
        </Link>
      </p>
    </aside>
  );
}
