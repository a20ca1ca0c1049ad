import type { IncomingMessage, ServerResponse } from "node:http";

export type ScriptNoncer = {
  /** The text that may go out now, or null when the chunk goes out exactly as it came. */
  write(chunk: string): string | null;
  end(chunk?: string): string;
};

export function createNonce(): string;
export function policyWithNonce(policy: string, nonce: string): string;
/** `islandsScript`: the islands' module (lib/islands-page.mjs); pages marked as islands pages go out without Next's scripts and with it. */
export function createScriptNoncer(nonce: string, options?: { islandsScript?: string }): ScriptNoncer;
export function nonceHtmlAnswers(req: IncomingMessage, res: ServerResponse, options?: { nonce?: string; onEncodedHtml?: () => void; islandsScript?: string }): void;
