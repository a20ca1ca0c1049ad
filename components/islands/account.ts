type Me = { signedIn: boolean; staff?: boolean };

/**
 * The only per-user part of the shared chrome. The server renders every link
 * hidden (components/reader/account-link.tsx); after load this asks for the
 * session and shows the ones that apply, so the pages around it stay
 * cacheable for everyone.
 */
export function mountAccount(root: HTMLElement) {
  let live = true;
  const show = (me: Me) => {
    if (!live) return;
    const state = !me.signedIn ? "anonymous" : me.staff ? "staff" : "member";
    for (const link of root.querySelectorAll<HTMLElement>("[data-for]")) link.hidden = !link.dataset.for!.split(" ").includes(state);
    root.querySelector<HTMLElement>("[data-pending]")?.remove();
  };
  fetch("/api/me", { credentials: "same-origin", cache: "no-store" })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : { signedIn: false }))
    .then(show)
    .catch(() => show({ signedIn: false }));
  return () => {
    live = false;
  };
}
