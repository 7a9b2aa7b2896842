// Math in notebooks (components/notebook/render-math.ts): which dollars are math in Markdown,
// and how text/latex outputs are typeset. KaTeX and marked run as they do in the browser; the
// sanitiser after them needs a DOM and is covered by e2e/notebook-math-demo.spec.ts.
import { Marked } from "marked";
import { describe, expect, it } from "vitest";
import { latexOutputHtml, mathExtension, renderTex } from "../components/notebook/render-math";

const md = (source: string) => new Marked({ gfm: true }, mathExtension).parse(source, { async: false });
/** The TeX of every formula in rendered HTML, from KaTeX's MathML annotation. */
const formulas = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
const displays = (html: string) => html.match(/class="katex-display"/g)?.length ?? 0;

describe("math in Markdown", () => {
  it("typesets $...$ inline and $$...$$ as display math, in a paragraph or a block of its own", () => {
    const html = md("The loss $\\mathcal{L} = -\\sum_i y_i \\log p_i$ falls.\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$\n\nInline display $$a^2+b^2=c^2$$ too.");
    expect(formulas(html)).toEqual(["\\mathcal{L} = -\\sum_i y_i \\log p_i", "\\int_0^1 x^2\\,dx = \\frac{1}{3}", "a^2+b^2=c^2"]);
    expect(displays(html)).toBe(2);
    expect(html).toContain("<p>The loss <span class=\"katex\">");
  });

  it("typesets LaTeX's own delimiters too, as JupyterLab does: \\(...\\) inline and \\[...\\] display; an escaped backslash stays text", () => {
    const html = md("Inline \\(e^{i\\pi} + 1 = 0\\) here.\n\n\\[\n\\sum_{k=1}^n k = \\frac{n(n+1)}{2}\n\\]\n\nAnd \\[x_1 * x_2\\] in a line.");
    expect(formulas(html)).toEqual(["e^{i\\pi} + 1 = 0", "\\sum_{k=1}^n k = \\frac{n(n+1)}{2}", "x_1 * x_2"]);
    expect(displays(html)).toBe(2);
    // Markdown's escapes still work: \\( is a backslash then a parenthesis, and an unclosed \( a parenthesis.
    expect(formulas(md("a \\\\(not math\\\\) b"))).toEqual([]);
    expect(md("an unclosed \\( stays")).toBe("<p>an unclosed ( stays</p>\n");
  });

  it("keeps Markdown out of formulas: underscores and stars inside math are TeX, not emphasis", () => {
    const html = md("$a_1 * b_2 * c_3$ and _emphasis_");
    expect(formulas(html)).toEqual(["a_1 * b_2 * c_3"]);
    expect(html).toContain("<em>emphasis</em>");
  });

  it("leaves prices, escaped dollars and code alone (pandoc's rule)", () => {
    expect(formulas(md("It cost $5 and $6 later."))).toEqual([]);
    expect(formulas(md("Between $ 1 $ and $2$3."))).toEqual([]);
    expect(md("A \\$ sign and \\$x\\$.")).toContain("A $ sign and $x$.");
    expect(formulas(md("`$x$` in code\n\n```\n$$y$$\n```"))).toEqual([]);
    expect(formulas(md("a $x$ b"))).toEqual(["x"]);
    expect(formulas(md("set $\\{1,2\\}$ here"))).toEqual(["\\{1,2\\}"]);
  });

  it("shows a TeX error in place instead of failing the cell, and never links or loads anything", () => {
    const broken = md("before $\\frac{1}{$ after");
    expect(broken).toContain("katex-error");
    expect(broken).toContain("after");
    const linked = renderTex("\\href{javascript:alert(1)}{x} \\includegraphics{http://evil.test/a.png}", false);
    // Only the annotation keeps the source, as text; nothing becomes an element or an address.
    expect(linked).not.toMatch(/<a[ >]|<img|\shref=|\ssrc=/);
    expect(linked).toContain("katex-html");
  });
});

describe("text/latex outputs", () => {
  it("typesets SymPy's $\\displaystyle ...$, $$...$$, \\[...\\] and a bare environment", () => {
    expect(formulas(latexOutputHtml("$\\displaystyle \\frac{x^{2}}{2}$"))).toEqual(["\\displaystyle \\frac{x^{2}}{2}"]);
    expect(displays(latexOutputHtml("$$E = mc^2$$"))).toBe(1);
    expect(formulas(latexOutputHtml("\\[ \\sqrt{2} \\]\n"))).toEqual(["\\sqrt{2}"]);
    const aligned = latexOutputHtml("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}");
    expect(displays(aligned)).toBe(1);
    expect(aligned).not.toContain("katex-error");
  });
});
