import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import { formatMoney, minorDigits, money } from "../server/costs/money";

describe("money", () => {
  it("rounds exact sums half-up to the currency's minor unit, as a string", () => {
    expect(money("4.195", "USD")).toEqual({ amount: "4.20", currency: "USD" });
    expect(money("0.004999", "EUR")).toEqual({ amount: "0.00", currency: "EUR" });
    // 0.1 + 0.2 as floats is 0.30000000000000004; as decimals it is 0.3.
    expect(money("0.1", "USD").amount).toBe("0.10");
    expect(money(new Prisma.Decimal("0.1").plus("0.2"), "USD").amount).toBe("0.30");
    expect(money("1234.5", "JPY")).toEqual({ amount: "1235", currency: "JPY" });
  });
  it("knows minor units and writes amounts for sentences", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(formatMoney({ amount: "412.00", currency: "USD" })).toBe("$412.00");
    expect(formatMoney({ amount: "1234.50", currency: "EUR" })).toBe("€1,234.50");
  });
});
