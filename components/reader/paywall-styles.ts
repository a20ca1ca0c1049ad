/** The paywall's look, shared by the server render (./paywall.tsx) and the gated-body island, which draws it after a 401/403. */
export const paywallStyles = {
  box: "mt-6 rounded-lg border border-brand/40 bg-white p-5 text-center",
  notice: "my-4 rounded-lg border border-brand/40 bg-white p-4 text-sm",
  actions: "mt-4 flex flex-wrap justify-center gap-3",
  primary: "inline-block rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark",
  outline: "inline-block rounded border border-brand px-4 py-2 text-brand hover:bg-brand hover:text-white",
};

/** Where sign-in and registration send the reader back to. */
export const articleReturn = (articleId: number) => encodeURIComponent(`/articles/${articleId}`);
