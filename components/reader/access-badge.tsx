export function AccessBadge({ access }: { access: "free" | "subscribers" }) {
  if (access === "free") return <span className="rounded bg-green-50 px-1.5 text-xs text-green-800">免费</span>;
  return (
    <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-900" title="订阅用户可读全文 Subscribers">
      订阅
    </span>
  );
}
