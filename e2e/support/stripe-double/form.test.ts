import { describe, expect, it } from "vitest";
import { encodeForm, FormError, parseForm, splitKey } from "./form";

describe("parseForm (stripe-node's bracket notation)", () => {
  it("parses the nested body stripe-node sends for a Checkout Session", () => {
    const body =
      "line_items[0][price]=price_x&line_items[0][quantity]=1&metadata[userId]=u1&payment_method_types[0]=card" +
      "&payment_method_types[1]=alipay&expand[0]=subscription&subscription_data[trial_period_days]=7" +
      "&payment_method_options[wechat_pay][client]=web&success_url=https%3A%2F%2Fapp.test%2Fok%3Fs%3D%7BCHECKOUT_SESSION_ID%7D";
    expect(parseForm(body)).toEqual({
      line_items: [{ price: "price_x", quantity: "1" }],
      metadata: { userId: "u1" },
      payment_method_types: ["card", "alipay"],
      expand: ["subscription"],
      subscription_data: { trial_period_days: "7" },
      payment_method_options: { wechat_pay: { client: "web" } },
      success_url: "https://app.test/ok?s={CHECKOUT_SESSION_ID}",
    });
  });

  it("parses query strings, with or without the leading ?", () => {
    expect(parseForm("?lookup_keys[0]=a&lookup_keys[1]=b&active=true")).toEqual({ lookup_keys: ["a", "b"], active: "true" });
    expect(parseForm("")).toEqual({});
    expect(parseForm("?")).toEqual({});
  });

  it("accepts percent-encoded brackets, + for spaces and UTF-8", () => {
    expect(parseForm("metadata%5Bplan%5D=%E6%95%B0%E5%AD%97%E7%89%88&name=A+B%2BC")).toEqual({ metadata: { plan: "数字版" }, name: "A B+C" });
  });

  it("keeps empty values (Stripe's way of unsetting) and keys without =", () => {
    expect(parseForm("metadata=&description&a=1")).toEqual({ metadata: "", description: "", a: "1" });
    expect(parseForm("metadata[old]=")).toEqual({ metadata: { old: "" } });
  });

  it("orders array elements by index and closes gaps", () => {
    expect(parseForm("a[2]=c&a[0]=a&a[1]=b")).toEqual({ a: ["a", "b", "c"] });
    expect(parseForm("a[5]=y&a[1]=x")).toEqual({ a: ["x", "y"] });
    expect(parseForm("line_items[1][price]=p2&line_items[0][price]=p1&line_items[1][quantity]=2")).toEqual({
      line_items: [{ price: "p1" }, { price: "p2", quantity: "2" }],
    });
  });

  it("appends with [] and nests arrays in hashes in arrays", () => {
    expect(parseForm("ids[]=a&ids[]=b")).toEqual({ ids: ["a", "b"] });
    expect(parseForm("shipping_address_collection[allowed_countries][0]=CN&shipping_address_collection[allowed_countries][1]=HK")).toEqual({
      shipping_address_collection: { allowed_countries: ["CN", "HK"] },
    });
  });

  it("leaves metadata with numeric keys a hash", () => {
    expect(parseForm("metadata[0]=zero&metadata[1]=one")).toEqual({ metadata: { "0": "zero", "1": "one" } });
  });

  it("lets a repeated scalar key win last", () => {
    expect(parseForm("a=1&a=2")).toEqual({ a: "2" });
  });

  it("refuses a key that is both a value and a hash, bad names, bad encodings", () => {
    expect(() => parseForm("a=1&a[b]=2")).toThrow(FormError);
    expect(() => parseForm("a[b]=2&a=1")).toThrow(FormError);
    expect(() => parseForm("a[b=1")).toThrow(FormError);
    expect(() => parseForm("[a]=1")).toThrow(FormError);
    expect(() => parseForm("a=%E0%A4%A")).toThrow(FormError);
    expect(() => parseForm("a[99999]=1")).toThrow(FormError);
    expect(() => parseForm(`a${"[b]".repeat(20)}=1`)).toThrow(FormError);
  });

  it("refuses prototype-polluting names", () => {
    expect(() => parseForm("__proto__[polluted]=1")).toThrow(FormError);
    expect(() => parseForm("a[__proto__][polluted]=1")).toThrow(FormError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("splits keys into segments", () => {
    expect(splitKey("a")).toEqual(["a"]);
    expect(splitKey("a[b][0][]")).toEqual(["a", "b", "0", ""]);
    expect(() => splitKey("a[b]c")).toThrow(FormError);
  });

  it("round-trips encodeForm output", () => {
    const data = {
      mode: "subscription",
      line_items: [{ price: "price_1", quantity: 2 }, { price: "price_2", quantity: 1 }],
      metadata: { userId: "u 1", note: "a&b=c" },
      expand: ["subscription", "line_items"],
      nested: { deep: { list: ["x", "y"] } },
    };
    expect(parseForm(encodeForm(data))).toEqual({
      mode: "subscription",
      line_items: [{ price: "price_1", quantity: "2" }, { price: "price_2", quantity: "1" }],
      metadata: { userId: "u 1", note: "a&b=c" },
      expand: ["subscription", "line_items"],
      nested: { deep: { list: ["x", "y"] } },
    });
  });
});
