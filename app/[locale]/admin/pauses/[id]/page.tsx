import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { chineseDate, chineseWeekday } from "@/lib/dates";
import { parseIdParam } from "@/lib/params";
import { pauseRangeText } from "@/lib/pause-notice";
import { PauseForm } from "../pause-form";
import { AttachNoticeForm, DeletePauseForm } from "../pause-tools";
import { issuesBefore, pauseById, unpublishedIssuesIn } from "../queries";

export const metadata: Metadata = { title: "编辑休刊" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const savedText: Record<string, string> = { created: "休刊已登记。", updated: "修改已保存。" };

export default async function EditPausePage({ params, searchParams }: Props) {
  const id = parseIdParam((await params).id);
  await requireStaff(`/admin/pauses/${id ?? ""}`);
  const pause = id ? await pauseById(id) : null;
  if (!pause) notFound();
  const [issues, unpublished, query] = await Promise.all([issuesBefore(pause.startsOn), unpublishedIssuesIn(pause), searchParams]);
  const saved = typeof query.saved === "string" ? savedText[query.saved] : undefined;
  const attached = typeof query.attached === "string" ? query.attached : null;
  const warnings = [pause.warning, ...unpublished].filter((w): w is string => Boolean(w));
  const label = `${pauseRangeText(pause.startsOn, pause.endsOn)} ${pause.reason}`;

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/pauses" className="text-muted hover:text-brand">
          ← 休刊管理
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        编辑休刊 <span className="font-sans text-sm font-normal text-muted">Edit pause</span>
      </h1>
      {saved || attached ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {saved ?? `休刊公告已附到总第${attached}期第1版。`}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <div role="note" aria-label="注意" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {warnings.map((w) => (
            <p key={w}>注意:{w}</p>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-muted">
        公告日 {chineseDate(pause.announceDay)}
        {pause.announceOn ? "" : "(默认:开始前7天)"} ·{" "}
        {pause.resumesOn ? `${chineseDate(pause.resumesOn)}(${chineseWeekday(pause.resumesOn)})恢复出报` : "两年内没有出版日,恢复日期未定"}
      </p>

      <Panel>
        <PauseForm
          key={pause.updatedAt.toISOString()}
          initial={{
            id: String(pause.id),
            startsOn: pause.startsOn,
            endsOn: pause.endsOn,
            reason: pause.reason,
            basis: pause.basis ?? "",
            announceOn: pause.announceOn ?? "",
            noticeText: pause.noticeText ?? "",
          }}
          submitLabel="保存修改 Save"
        />
      </Panel>

      <Panel labelledBy="attach-heading">
        <h2 id="attach-heading" className="mb-2 font-serif text-lg font-bold">
          刊登休刊公告 <span className="font-sans text-xs font-normal text-muted">Print notice</span>
        </h2>
        <p className="mb-4 text-sm text-muted">
          {pause.attached ? (
            <>
              已作为休刊公告刊登在{" "}
              {pause.attached.published ? (
                <Link href={`/issues/${pause.attached.date}/pages/1`} className="text-brand underline-offset-4 hover:underline">
                  {chineseDate(pause.attached.date)} 总第{pause.attached.number}期第1版
                </Link>
              ) : (
                `${chineseDate(pause.attached.date)} 总第${pause.attached.number}期第1版(未出版)`
              )}
              。修改公告后,请再附加一次,以更新报纸上的文字。
            </>
          ) : (
            "把上面的公告作为「休刊公告」刊登在休刊前一期的第1版(免费阅读)。"
          )}
        </p>
        <AttachNoticeForm pauseId={pause.id} issues={issues} attachedNumber={pause.attached?.number ?? null} />
      </Panel>

      <section aria-label="删除休刊" className="border-t border-rule pt-5">
        <DeletePauseForm pauseId={pause.id} label={label} />
      </section>
    </div>
  );
}
