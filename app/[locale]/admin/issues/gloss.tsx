/**
 * The small English gloss the Chinese screens show beside a label ("期次
 * Issues"). The English catalog leaves glosses empty, and then nothing is
 * drawn. No hooks: server and client components both use it.
 */
export function Gloss({ text, className, hidden }: { text: string; className?: string; hidden?: boolean }) {
  if (!text) return null;
  return (
    <span aria-hidden={hidden ? "true" : undefined} className={className}>
      {text}
    </span>
  );
}
