import { mountIsland } from "./registry";

// The whole of the JavaScript on a page served without Next's runtime (scripts/build-islands.mjs bundles this
// file). A module script runs once the document is parsed, so every island is in place.
for (const root of document.querySelectorAll<HTMLElement>("[data-island]")) mountIsland(root);
