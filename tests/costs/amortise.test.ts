// The calculator's arithmetic the server stores and the rate form shows (lib/amortise.ts).
import { describe, expect, it } from "vitest";
import { amortisedHourlyText } from "../../lib/amortise";

const h = (purchasePrice: string, years: string, hoursPerYear = "8760", utilisation = "100") => amortisedHourlyText({ purchasePrice, years, hoursPerYear, utilisation });

describe("amortisedHourlyText", () => {
  it("divides exactly and rounds once, half-up to 4 decimals", () => {
    expect(h("32000", "4")).toBe("0.9132");
    expect(h("1", "3", "1")).toBe("0.3333");
    expect(h("2", "3", "1")).toBe("0.6667");
    expect(h("0.00005", "1", "1")).toBe("0.0001");
    expect(h("0.00004", "1", "1")).toBe("0.0000");
    expect(h("35040", "4", "8760", "50")).toBe("2.0000");
    expect(h("25000.50", "2.5", "8000", "75.5")).toBe("1.6557"); // 25000.5 / 15100 = 1.655662...
    expect(h("123456789012", "1", "1")).toBe("123456789012.0000");
  });
  it("gives null for what is not a plain number, and for a zero divisor", () => {
    expect(h("", "4")).toBeNull();
    expect(h("1e4", "4")).toBeNull();
    expect(h("-5", "4")).toBeNull();
    expect(h("100", "0")).toBeNull();
    expect(h("100", "4", "0")).toBeNull();
  });
});
