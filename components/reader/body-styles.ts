/** The article body's typography, shared by the server render (./body-blocks.tsx) and the gated-body island. */
export const bodyStyles =
  "prose-zh [&_a]:text-brand [&_a]:underline [&_a]:underline-offset-4 " +
  "[&_h2]:mt-6 [&_h2]:mb-3 [&_h2]:font-serif [&_h2]:text-xl [&_h2]:font-bold " +
  "[&_h3]:mt-5 [&_h3]:mb-2 [&_h3]:font-serif [&_h3]:text-lg [&_h3]:font-bold [&_h4]:mt-4 [&_h4]:mb-2 [&_h4]:font-bold " +
  "[&_ul]:mb-4 [&_ul]:list-disc [&_ul]:pl-[2em] [&_ol]:mb-4 [&_ol]:list-decimal [&_ol]:pl-[2em] [&_li_p]:indent-0 " +
  "[&_blockquote]:mb-4 [&_blockquote]:border-l-4 [&_blockquote]:border-rule [&_blockquote]:pl-4 [&_blockquote]:text-muted " +
  "[&_hr]:my-6 [&_hr]:border-rule";
