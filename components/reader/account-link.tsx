"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type SessionInfo = { user?: { email?: string; role?: string } } | null;

/**
 * The only per-user part of the shared chrome. It asks for the session after
 * load, so the pages around it stay cacheable for everyone.
 */
export function AccountLink() {
  const [session, setSession] = useState<SessionInfo | undefined>(undefined);

  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: SessionInfo) => live && setSession(s && s.user ? s : null))
      .catch(() => live && setSession(null));
    return () => {
      live = false;
    };
  }, []);

  if (session === undefined) return <span className="inline-block w-16" aria-hidden />;
  if (!session) {
    return (
      <Link href="/login" className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand hover:text-white">
        登录
      </Link>
    );
  }
  const staff = session.user?.role === "editor" || session.user?.role === "admin";
  return (
    <span className="flex items-center gap-3">
      {staff && (
        <Link href="/admin" className="hover:text-brand">
          编辑后台
        </Link>
      )}
      <Link href="/account" className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark">
        我的账户
      </Link>
    </span>
  );
}
