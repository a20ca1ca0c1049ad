import type { Metadata } from "next";
import Link from "next/link";
import { QrCodeForm } from "@/components/admin/qr-code-form";
import { requireStaff } from "@/lib/access";
import { recentIssues } from "@/lib/qr/codes-admin";

export const metadata: Metadata = { title: "新建二维码" };

export default async function NewQrCodePage() {
  await requireStaff("/admin/qr/new");
  const issues = await recentIssues();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/qr" className="text-muted hover:text-brand">
          ← 二维码
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        新建二维码 <span className="font-sans text-sm font-normal text-muted">New QR code</span>
      </h1>
      <p className="text-sm text-muted">保存后系统生成一个随机短码(如 /q/AB3CD7F)。短码印出后不能更改,但扫码后打开的页面随时可以修改。</p>
      <QrCodeForm initial={{ placement: "masthead", destination: "landing", enabled: "on" }} issues={issues} />
    </div>
  );
}
