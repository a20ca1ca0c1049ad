"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { removeLogo, updateMetering, updatePublicationProfile } from "@/lib/publication-settings";
import type { Role } from "@/lib/roles";

const admins = { roles: ["admin"] as readonly Role[] };
const field = z.string().max(1000).optional();

/** Every page shows the footer (and issue pages the masthead): all of them re-render. */
const revalidateReaderPages = () => revalidatePage("/", "layout");

export const updatePublicationAction = validatedActionWithUser(
  z.object({ name: field, slogan: field, cnNumber: field, sponsor: field, publisher: field, hotline: field, timeZone: field }),
  async (data, _formData, user) => {
    const result = await updatePublicationProfile(user.id, data);
    if ("error" in result) return result;
    if (result.changed.length > 0) revalidateReaderPages();
    const t = await requestTranslator("adminPublishing.settings");
    return { ok: true, message: result.changed.length > 0 ? t("profileSaved") : t("noChanges") };
  },
  admins,
);

export const removeLogoAction = validatedActionWithUser(
  z.object({}),
  async (_data, _formData, user) => {
    const result = await removeLogo(user.id);
    if ("error" in result) return result;
    revalidateReaderPages();
    return { ok: true, message: (await requestTranslator("adminPublishing.settings"))("logoRemoved") };
  },
  admins,
);

/**
 * The anonymous article page renders the body-fetching component only while
 * metering for anonymous readers is on, so both article variants re-render.
 */
export const updateMeteringAction = validatedActionWithUser(
  z.object({ anonymousPerMonth: field, memberPerMonth: field }),
  async (data, _formData, user) => {
    const result = await updateMetering(user.id, data);
    if ("error" in result) return result;
    if (result.changed.length > 0) {
      revalidatePage("/(reader)/articles/[id]", "page");
      revalidatePage("/(reader)/articles/[id]/signed-in", "page");
    }
    const t = await requestTranslator("adminPublishing.settings");
    return { ok: true, message: result.changed.length > 0 ? t("meteringSaved") : t("noChanges") };
  },
  admins,
);
