import { notFound, permanentRedirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { issueByNumber } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { parseIdParam } from "@/lib/params";

/** 总第N期 → the issue's canonical URL, so numbers printed in the paper stay valid links. */
export const dynamic = "force-dynamic";

export default async function IssueByNumber({ params }: { params: Promise<{ locale: string; n: string }> }) {
  const raw = await params;
  setRequestLocale(raw.locale as Locale); // for the not-found page
  const number = parseIdParam(raw.n);
  const issue = number ? await issueByNumber(number) : null;
  if (!issue) notFound();
  permanentRedirect(`/issues/${issue.date}`);
}
