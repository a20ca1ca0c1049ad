import { mountAccount } from "./account";
import { mountGatedBody, type GatedBodyProps } from "./gated-body";
import { mountInAppHint } from "./in-app-hint";
import { mountPauseBanner, type PauseBannerProps } from "./pause-banner";
import { mountReadBeacon, type ReadBeaconProps } from "./read-beacon";
import { mountReadingTools, type ReadingToolsProps } from "./reading-tools";

/**
 * The reader's interactive parts, as plain DOM code over server-rendered
 * markup ("islands"). The same code runs two ways:
 * - on pages that hydrate, ./island.tsx mounts it after hydration;
 * - on the pages scripts/server.mjs sends without Next's runtime (`/` and the
 *   article, see lib/islands-page.ts), ./boot.ts mounts it on load.
 * Either way a page's HTML is the same for everyone and cacheable.
 */
type Mount<P> = (root: HTMLElement, props: P) => void | (() => void);

export type IslandProps = {
  account: null;
  "pause-banner": PauseBannerProps;
  "in-app-hint": null;
  "read-beacon": ReadBeaconProps;
  "reading-tools": ReadingToolsProps;
  "gated-body": GatedBodyProps;
};
export type IslandName = keyof IslandProps;

const islands: { [N in IslandName]: Mount<IslandProps[N]> } = {
  account: mountAccount,
  "pause-banner": mountPauseBanner,
  "in-app-hint": mountInAppHint,
  "read-beacon": mountReadBeacon,
  "reading-tools": mountReadingTools,
  "gated-body": mountGatedBody,
};

const mounted = new WeakSet<HTMLElement>();

/** Starts the island `root` names (data-island, with its props as JSON in data-props), once; returns how to stop it. */
export function mountIsland(root: HTMLElement): () => void {
  const mount = islands[root.dataset.island as IslandName] as Mount<unknown> | undefined;
  if (!mount || mounted.has(root)) return () => {};
  let props: unknown = null;
  try {
    props = JSON.parse(root.dataset.props ?? "null");
  } catch {
    return () => {};
  }
  mounted.add(root);
  const stop = mount(root, props);
  return () => {
    mounted.delete(root);
    stop?.();
  };
}
