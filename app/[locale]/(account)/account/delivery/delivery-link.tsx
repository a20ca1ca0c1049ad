import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Gloss } from "@/components/ui/form-parts";
import { printSubscriptionFor } from "@/lib/delivery-holds";

/** The way to /account/delivery, shown on /account to print subscribers only. */
export async function DeliveryHoldsLink({ userId }: { userId: string }) {
  if (!(await printSubscriptionFor(userId))) return null;
  const t = await getTranslations("account.delivery");
  return (
    <p className="rounded-lg border border-rule bg-white px-5 py-4 text-sm">
      {t("linkPrompt")}{" "}
      <Link href="/account/delivery" className="font-medium text-brand underline-offset-2 hover:underline">
        {t("link")} <Gloss text={t("linkEnglish")} className="text-xs font-normal text-muted" />
      </Link>
    </p>
  );
}
