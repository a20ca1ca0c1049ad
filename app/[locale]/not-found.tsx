import Link from "next/link";
import { MissingDayHelp } from "@/components/reader/missing-day-help";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-serif text-6xl font-black text-brand">404</p>
      <h1 className="mt-2 text-xl font-bold">没有找到这一页 Page not found</h1>
      <MissingDayHelp />
      <p className="mt-8 flex justify-center gap-4 text-sm">
        <Link href="/" className="text-brand underline">今日报纸</Link>
        <Link href="/archive" className="text-brand underline">往期回顾</Link>
      </p>
    </div>
  );
}
