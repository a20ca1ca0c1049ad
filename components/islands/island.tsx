"use client";

import { memo, useEffect, useRef, type HTMLAttributes, type ReactNode } from "react";
import { mountIsland, type IslandName, type IslandProps } from "./registry";

type Props<N extends IslandName> = {
  name: N;
  props: IslandProps[N];
  as?: "div" | "span" | "section" | "aside";
  children?: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, "children">;

/**
 * Where a page hydrates, the island starts after hydration, so its DOM work
 * never races React's. Memoised: React must not re-render the children the
 * island has taken over.
 */
function IslandRoot<N extends IslandName>({ name, props, as = "div", children, ...attributes }: Props<N>): ReactNode {
  const root = useRef<HTMLElement>(null);
  const json = JSON.stringify(props);
  useEffect(() => (root.current ? mountIsland(root.current) : undefined), [json]);
  const Tag = as as "div";
  return (
    <Tag {...attributes} ref={root as React.RefObject<HTMLDivElement>} data-island={name} data-props={json}>
      {children}
    </Tag>
  );
}

// Children are ignored in the comparison on purpose: a server re-render sends new elements for the same markup.
export const Island = memo(IslandRoot, (a, b) => a.name === b.name && JSON.stringify(a.props) === JSON.stringify(b.props)) as typeof IslandRoot;
