import Link from "next/link";
import { chineseDate } from "@/lib/dates";

type IssueRef = { date: string; number: number } | null;

/** Previous/next issue links; `suffix` keeps the reader on the same kind of page (e.g. "/pages/1"). */
export function IssueNav({ previous, next, suffix = "" }: { previous: IssueRef; next: IssueRef; suffix?: string }) {
  return (
    <nav aria-label="上一期/下一期 Issues" className="flex justify-between border-t border-rule pt-4 text-sm">
      {previous ? (
        <Link href={`/issues/${previous.date}${suffix}`} className="hover:text-brand">
          ← 上一期 {chineseDate(previous.date)}(第{previous.number}期)
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={`/issues/${next.date}${suffix}`} className="hover:text-brand">
          下一期 {chineseDate(next.date)}(第{next.number}期) →
        </Link>
      )}
    </nav>
  );
}
