/**
 * The small English gloss after a Chinese heading or button ("二维码 QR codes"),
 * with the space before it. English pages have no gloss (its message is
 * empty), so nothing is drawn, not even the space.
 */
export function Gloss({ text, className }: { text: string; className?: string }) {
  return text ? (
    <>
      {" "}
      <span className={className}>{text}</span>
    </>
  ) : null;
}
