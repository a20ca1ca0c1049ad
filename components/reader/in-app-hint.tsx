import { InAppHintNotice } from "./in-app-hint-client";
import { inAppHintLabels } from "./labels";

/**
 * The in-app browser hint (./in-app-hint-client.tsx), with its texts
 * translated here on the server: the browser gets no message catalog.
 */
export async function InAppHint() {
  return <InAppHintNotice labels={await inAppHintLabels()} />;
}
