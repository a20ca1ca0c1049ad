import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { RequestResetForm } from "./request-form";

export const metadata: Metadata = { title: "找回密码" };

export default async function ResetPasswordPage() {
  await connection();
  return (
    <AccountShell title="找回密码" english="Reset password">
      <Panel>
        <p className="mb-5 text-sm text-muted">输入您注册时使用的邮箱,我们会发送一封重设密码的邮件。</p>
        <RequestResetForm />
      </Panel>
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="text-brand underline-offset-4 hover:underline">
          返回登录
        </Link>
      </p>
    </AccountShell>
  );
}
