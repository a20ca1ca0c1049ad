import { getTranslations } from "next-intl/server";

export async function AccessBadge({ access }: { access: "free" | "subscribers" }) {
  const t = await getTranslations("reader.accessBadge");
  if (access === "free") return <span className="rounded bg-green-50 px-1.5 text-xs text-green-800">{t("free")}</span>;
  return (
    <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-900" title={t("subscribersTitle")}>
      {t("subscribers")}
    </span>
  );
}
