import type { IssueStatus } from "./queries";

export const statusLabel: Record<IssueStatus, { zh: string; en: string }> = {
  draft: { zh: "草稿", en: "Draft" },
  scheduled: { zh: "定时出版", en: "Scheduled" },
  published: { zh: "已出版", en: "Published" },
};

const statusStyle: Record<IssueStatus, string> = {
  draft: "bg-stone-100 text-ink",
  scheduled: "bg-amber-100 text-amber-900",
  published: "bg-emerald-100 text-emerald-900",
};

export function StatusBadge({ status }: { status: IssueStatus }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs ${statusStyle[status]}`}>
      {statusLabel[status].zh}
      <span aria-hidden="true" className="ml-1 opacity-80">
        {statusLabel[status].en}
      </span>
    </span>
  );
}
