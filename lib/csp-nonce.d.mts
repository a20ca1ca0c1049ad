import type { IncomingMessage, ServerResponse } from "node:http";

export type ScriptNoncer = {
  /** The text that may go out now, or null when the chunk goes out exactly as it came. */
  write(chunk: string): string | null;
  end(chunk?: string): string;
};

export function createNonce(): string;
export function policyWithNonce(policy: string, nonce: string): string;
export function createScriptNoncer(nonce: string): ScriptNoncer;
export function nonceHtmlAnswers(req: IncomingMessage, res: ServerResponse, options?: { nonce?: string; onEncodedHtml?: () => void }): void;
