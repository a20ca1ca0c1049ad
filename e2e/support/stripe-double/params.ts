import { invalid, missingParam, notImplemented, unknownParam } from "./errors";
import type { FormObject, FormValue } from "./form";

/**
 * Top-level parameters per endpoint, as API version 2026-10-28.endive defines them
 * (from node_modules/stripe/esm/resources/*.d.ts). `ok`: handled or harmlessly ignored.
 * `todo`: real Stripe parameters that change behaviour which the double does not model; they are
 * refused with a clear 400 rather than silently ignored. Anything else gets Stripe's
 * "Received unknown parameter" 400, which is what catches a typo in the app.
 */
type Spec = { ok: string; todo?: string };
const PAGE = "limit starting_after ending_before expand";
export const ENDPOINTS: Record<string, Spec> = {
  retrieve: { ok: "expand" },
  "customers.create": {
    ok: "address description email expand metadata name phone preferred_locales shipping business_name individual_name invoice_settings validate tax_exempt",
    todo: "balance cash_balance invoice_prefix next_invoice_sequence payment_method source tax tax_id_data test_clock",
  },
  "customers.update": {
    ok: "address description email expand metadata name phone preferred_locales shipping business_name individual_name invoice_settings validate tax_exempt",
    todo: "balance cash_balance default_source invoice_prefix next_invoice_sequence source tax",
  },
  "customers.delete": { ok: "" },
  "customers.list": { ok: `${PAGE} email created`, todo: "test_clock" },
  "products.create": {
    ok: "name active description expand id images metadata shippable statement_descriptor tax_code type unit_label url marketing_features",
    todo: "default_price_data package_dimensions tax_details",
  },
  "products.update": {
    ok: "active description expand images metadata name shippable statement_descriptor tax_code unit_label url marketing_features",
    todo: "default_price package_dimensions tax_details",
  },
  "products.list": { ok: `${PAGE} active ids created shippable type url` },
  "prices.create": {
    ok: "currency active expand lookup_key metadata nickname product product_data recurring tax_behavior transfer_lookup_key unit_amount billing_scheme",
    todo: "currency_options custom_unit_amount tiers tiers_mode transform_quantity unit_amount_decimal",
  },
  "prices.update": { ok: "active expand lookup_key metadata nickname tax_behavior transfer_lookup_key", todo: "currency_options" },
  "prices.list": { ok: `${PAGE} active currency lookup_keys product recurring type created` },
  // payment_method_types is listed only so createCheckoutSession can refuse it with a hint (removed in endive).
  "checkout.sessions.create": {
    ok:
      "allow_promotion_codes allowed_payment_method_types excluded_payment_method_types billing_address_collection cancel_url client_reference_id consent_collection currency custom_text " +
      "customer customer_creation customer_email customer_update expand expires_at line_items locale metadata mode " +
      "payment_intent_data payment_method_collection payment_method_options payment_method_types phone_number_collection " +
      "shipping_address_collection submit_type subscription_data success_url tax_id_collection ui_mode automatic_tax " +
      "saved_payment_method_options origin_context integration_identifier",
    todo:
      "adaptive_pricing after_expiration branding_settings custom_fields customer_account discounts " +
      "invoice_creation managed_payments name_collection optional_items payment_method_configuration " +
      "payment_method_data permissions redirect_on_completion return_url setup_intent_data shipping_options wallet_options",
  },
  "checkout.sessions.list": { ok: `${PAGE} customer payment_intent status subscription client_reference_id created` },
  "checkout.sessions.expire": { ok: "expand" },
  "checkout.sessions.line_items": { ok: PAGE },
  "subscriptions.update": {
    ok: "cancel_at_period_end cancel_at cancellation_details description expand metadata proration_behavior payment_behavior off_session",
    todo:
      "add_invoice_items application_fee_percent automatic_tax billing_cycle_anchor billing_schedules billing_thresholds collection_method " +
      "days_until_due default_payment_method default_source default_tax_rates discounts invoice_settings items on_behalf_of pause_collection " +
      "payment_settings pending_invoice_item_interval proration_date transfer_data trial_end trial_from_plan trial_settings",
  },
  "subscriptions.list": {
    ok: `${PAGE} customer price status created current_period_end current_period_start collection_method`,
    todo: "automatic_tax customer_account plan test_clock",
  },
  "subscriptions.cancel": { ok: "cancellation_details expand invoice_now prorate" },
  "invoices.list": { ok: `${PAGE} customer subscription status created collection_method`, todo: "customer_account due_date" },
  "billing_portal.sessions.create": { ok: "customer expand locale return_url configuration", todo: "after_expiration customer_account flow_data on_behalf_of" },
};

const words = (s: string | undefined) => new Set((s ?? "").split(/\s+/).filter(Boolean));
const compiled = new Map(Object.entries(ENDPOINTS).map(([k, v]) => [k, { ok: words(v.ok), todo: words(v.todo) }]));

export function checkParams(endpoint: string, params: FormObject): void {
  const spec = compiled.get(endpoint);
  if (!spec) throw new Error(`no parameter spec for ${endpoint}`);
  for (const key of Object.keys(params)) {
    if (spec.ok.has(key)) continue;
    if (spec.todo.has(key)) throw notImplemented(key);
    throw unknownParam(key);
  }
}

/** Refuses keys of a nested hash outside `allowed` (e.g. subscription_data[trial_days]). */
export function checkNested(params: FormObject | undefined, prefix: string, allowed: string): void {
  if (!params) return;
  const set = words(allowed);
  for (const key of Object.keys(params)) if (!set.has(key)) throw unknownParam(`${prefix}[${key}]`);
}

// ── Typed readers. `name` is the full parameter name used in error messages. ──

export function str(value: FormValue | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`Invalid string: ${JSON.stringify(value)}`, name);
  return value;
}

export function reqStr(value: FormValue | undefined, name: string): string {
  const s = str(value, name);
  if (s === undefined || s === "") throw missingParam(name);
  return s;
}

export function int(value: FormValue | undefined, name: string): number | undefined {
  const s = str(value, name);
  if (s === undefined) return undefined;
  if (!/^-?\d+$/.test(s)) throw invalid(`Invalid integer: ${s}`, name, "parameter_invalid_integer");
  return Number(s);
}

export function bool(value: FormValue | undefined, name: string): boolean | undefined {
  const s = str(value, name);
  if (s === undefined) return undefined;
  if (s !== "true" && s !== "false") throw invalid(`Invalid boolean: ${s}`, name);
  return s === "true";
}

export function hash(value: FormValue | undefined, name: string): FormObject | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string" || Array.isArray(value)) throw invalid(`Invalid object`, name);
  return value;
}

export function list(value: FormValue | undefined, name: string): FormValue[] | undefined {
  if (value === undefined || value === "") return undefined;
  if (!Array.isArray(value)) throw invalid(`Invalid array`, name);
  return value;
}

export function strList(value: FormValue | undefined, name: string): string[] | undefined {
  return list(value, name)?.map((v, i) => reqStr(v, `${name}[${i}]`));
}

export function expandOf(params: FormObject): string[] {
  return strList(params.expand, "expand") ?? [];
}

/**
 * Stripe's metadata rules: keys merge into the existing set, a key set to "" is removed,
 * `metadata=""` clears everything. At most 50 keys, keys ≤ 40 chars, values ≤ 500 chars.
 */
export function applyMetadata(current: Record<string, string>, value: FormValue | undefined, name = "metadata"): Record<string, string> {
  if (value === undefined) return current;
  if (value === "") return {};
  const patch = hash(value, name) ?? {};
  const next = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (typeof v !== "string") throw invalid(`Invalid metadata value for key ${k}`, `${name}[${k}]`);
    if (k.length > 40) throw invalid(`Metadata keys can have up to 40 characters; \`${k}\` has ${k.length}.`, `${name}[${k}]`);
    if (v.length > 500) throw invalid(`Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters.`, `${name}[${k}]`);
    if (v === "") delete next[k];
    else next[k] = v;
  }
  if (Object.keys(next).length > 50) throw invalid("You can have at most 50 keys in metadata.", name);
  return next;
}

export function pageOf(params: FormObject): { limit: number; startingAfter?: string; endingBefore?: string } {
  const limit = int(params.limit, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalid("This value must be between 1 and 100 (it currently is " + limit + ").", "limit");
  return { limit, startingAfter: str(params.starting_after, "starting_after"), endingBefore: str(params.ending_before, "ending_before") };
}
