import Link from "next/link";
import { printSubscriptionFor } from "@/lib/delivery-holds";

/** The way to /account/delivery, shown on /account to print subscribers only. */
export async function DeliveryHoldsLink({ userId }: { userId: string }) {
  if (!(await printSubscriptionFor(userId))) return null;
  return (
    <p className="rounded-lg border border-rule bg-white px-5 py-4 text-sm">
      外出期间不需要纸质报纸?{" "}
      <Link href="/account/delivery" className="font-medium text-brand underline-offset-2 hover:underline">
        暂停投递 <span className="text-xs font-normal text-muted">Delivery holds</span>
      </Link>
    </p>
  );
}
