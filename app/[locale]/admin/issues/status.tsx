import { getTranslations } from "next-intl/server";
import { Gloss } from "./gloss";
import type { IssueStatus } from "./queries";

const statusStyle: Record<IssueStatus, string> = {
  draft: "bg-stone-100 text-ink",
  scheduled: "bg-amber-100 text-amber-900",
  published: "bg-emerald-100 text-emerald-900",
};

/** The status in the staff member's language; in Chinese with its English name beside it (hidden from screen readers). */
export async function StatusBadge({ status }: { status: IssueStatus }) {
  const t = await getTranslations("adminIssues.status");
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs ${statusStyle[status]}`}>
      {t(status)}
      <Gloss text={t(`${status}Gloss`)} className="ml-1 opacity-80" hidden />
    </span>
  );
}
