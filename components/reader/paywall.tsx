import Link from "next/link";

export function Paywall({ signedIn, articleId, accessNote }: { signedIn: boolean; articleId: number; accessNote: string | null }) {
  const next = encodeURIComponent(`/articles/${articleId}`);
  return (
    <section aria-label="订阅提示 Subscribe" className="mt-6 rounded-lg border border-brand/40 bg-white p-5 text-center">
      <p className="font-bold">本文为订阅内容,订阅后可阅读全文。</p>
      <p className="mt-1 text-sm text-muted">Subscribers read the full article.</p>
      {accessNote && <p className="mt-3 text-sm">{accessNote}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        {!signedIn && (
          <Link href={`/login?next=${next}`} className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand hover:text-white">
            已订阅?登录
          </Link>
        )}
        <Link href="/subscribe" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          订阅财信报
        </Link>
      </p>
    </section>
  );
}
