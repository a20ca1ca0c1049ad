import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { PauseForm } from "../pause-form";

export const metadata: Metadata = { title: "登记休刊" };

export default async function NewPausePage() {
  await requireStaff("/admin/pauses/new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/pauses" className="text-muted hover:text-brand">
          ← 休刊管理
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        登记休刊 <span className="font-sans text-sm font-normal text-muted">New pause</span>
      </h1>
      <Panel>
        <PauseForm initial={{ startsOn: "", endsOn: "", reason: "", basis: "", announceOn: "", noticeText: "" }} submitLabel="保存休刊 Save" />
      </Panel>
    </div>
  );
}
