import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { nextIssueDefaults } from "@/lib/calendar";
import { chineseDate, chineseWeekday } from "@/lib/dates";
import { NewIssueForm } from "../new-issue-form";

export const metadata: Metadata = { title: "新建期次" };

export default async function NewIssuePage() {
  await requireStaff("/admin/issues/new");
  const defaults = await nextIssueDefaults();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/issues" className="text-muted hover:text-brand">
          ← 期次
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        新建期次 <span className="font-sans text-sm font-normal text-muted">New issue</span>
      </h1>
      <p className="text-sm text-muted">
        {defaults
          ? `下一期:${chineseDate(defaults.date)}(${chineseWeekday(defaults.date)})总第${defaults.number}期,已按出版日程和休刊预填。`
          : "两年内没有出版日,请检查出版日程。"}
        新期次为草稿,各版为空白,稍后再上传版面。
      </p>
      <Panel>
        <NewIssueForm initial={{ date: defaults?.date ?? "", number: defaults ? String(defaults.number) : "", pageCount: "8" }} />
      </Panel>
    </div>
  );
}
