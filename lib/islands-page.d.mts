export const ISLANDS_MARKER: string;
export const HEAD_LIMIT: number;
export function islandsHead(head: string, islandsScript: string): string;
export function isIslandsScript(url: unknown): url is string;
export function asIslandsPage<M extends { other?: Record<string, string | number | (string | number)[]> }>(metadata: M): M;
