import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

export function requestLogging(options?: {
  logger?: Logger;
  access?: boolean;
}): (req: IncomingMessage, res: ServerResponse, handler: () => void) => void;
