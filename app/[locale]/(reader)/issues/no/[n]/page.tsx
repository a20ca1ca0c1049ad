import { notFound, permanentRedirect } from "next/navigation";
import { issueByNumber } from "@/lib/editions";
import { parseIdParam } from "@/lib/params";

/** 总第N期 → the issue's canonical URL, so numbers printed in the paper stay valid links. */
export const dynamic = "force-dynamic";

export default async function IssueByNumber({ params }: { params: Promise<{ n: string }> }) {
  const number = parseIdParam((await params).n);
  const issue = number ? await issueByNumber(number) : null;
  if (!issue) notFound();
  permanentRedirect(`/issues/${issue.date}`);
}
