/** Errors in Stripe's wire shape, so stripe-node raises its typed errors (StripeInvalidRequestError, …). */
export type StripeErrorBody = {
  error: { type: string; message: string; code?: string; param?: string; doc_url?: string };
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string = "invalid_request_error",
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toJSON(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code !== undefined && { code: this.code, doc_url: `https://docs.stripe.com/error-codes/${this.code.replace(/_/g, "-")}` }),
        ...(this.param !== undefined && { param: this.param }),
      },
    };
  }
}

/** 400: a parameter is wrong. */
export const invalid = (message: string, param?: string, code?: string): ApiError =>
  new ApiError(400, message, "invalid_request_error", code, param);

export const missingParam = (param: string): ApiError =>
  invalid(`Missing required param: ${param}.`, param, "parameter_missing");

export const unknownParam = (param: string): ApiError =>
  invalid(`Received unknown parameter: ${param}`, param, "parameter_unknown");

export const notImplemented = (param: string): ApiError =>
  invalid(`The Stripe test double does not implement the parameter \`${param}\` on this endpoint.`, param);

/** A resource named in the URL does not exist: 404 resource_missing. */
export const notFound = (kind: string, id: string): ApiError =>
  new ApiError(404, `No such ${kind}: '${id}'`, "invalid_request_error", "resource_missing", "id");

/** A resource named in a parameter does not exist: 400 resource_missing with that param. */
export const noSuch = (kind: string, id: string, param: string): ApiError =>
  new ApiError(400, `No such ${kind}: '${id}'`, "invalid_request_error", "resource_missing", param);

export const unauthorized = (message: string): ApiError => new ApiError(401, message, "invalid_request_error");
