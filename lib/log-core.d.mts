import type { AsyncLocalStorage } from "node:async_hooks";
import type { DestinationStream, Level, Logger, LevelWithSilent } from "pino";

export type RequestStore = { requestId: string };

export const SECRET_KEYS: string[];
export const REDACTED: string;
export function redact<T extends object>(object: T, depth?: number): T;
export function maskEmail(email: unknown): string;
export function maskEmailsIn<T>(text: T): T;
export function requestContext(): AsyncLocalStorage<RequestStore>;
export function safeRequestId(value: unknown): string | null;
export function requestIdFor(incoming: unknown): string;
export function loggedPath(url: unknown): string;
export function levelFromEnv(env?: Record<string, string | undefined>): LevelWithSilent;
export function createLogger(options?: { destination?: DestinationStream; level?: Level | LevelWithSilent; base?: Record<string, unknown> | null }): Logger;
export function rootLogger(): Logger;

declare global {
  var __caixinRequestContext: AsyncLocalStorage<RequestStore> | undefined;
  var __caixinLogger: Logger | undefined;
}
