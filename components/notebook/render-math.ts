// TeX math in notebooks, typeset with KaTeX from Benchtop's own bundle (its CSS and fonts are
// served from /_next/static like the rest of the app, so nothing leaves for a CDN and the page's
// CSP holds). JupyterLab typesets `$...$`, `$$...$$`, `\(...\)` and `\[...\]` in Markdown with
// MathJax; these are the same delimiters, dollars read by pandoc's rule so that prices stay
// prices: an opening `$` has a non-space after it, a closing `$` a non-space before it and no digit
// after it, and `\$` is a dollar sign (as `\\(` is a backslash and a parenthesis). Pure (no DOM):
// render-markdown.ts sanitises what comes out of here.
import katex from "katex";
import type { MarkedExtension, Tokens } from "marked";

type MathToken = Tokens.Generic & { text: string; display: boolean };

/** One formula as HTML (and MathML for screen readers); a TeX error shows in place, in red. */
export function renderTex(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    // Nothing in a formula may link, load or set attributes (\href, \includegraphics, \htmlId...).
    trust: false,
    // Unicode text in math and similar LaTeX-isms render as they would, without console warnings.
    strict: "ignore",
    maxExpand: 1000,
    maxSize: 50,
    output: "htmlAndMathml",
  });
}

/** Backslashes right before index i: an odd count escapes what is at i. */
function slashesBefore(src: string, i: number): number {
  let slashes = 0;
  for (let j = i - 1; j >= 0 && src[j] === "\\"; j--) slashes++;
  return slashes;
}

/** The index of the first `$` not escaped by a backslash, or of the first unescaped `\(` or `\[`; undefined when none. */
function firstMathStart(src: string): number | undefined {
  const re = /\$|\\[([]/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    // `$` counts when not escaped; `\(` when its own backslash is not escaped (`\\(` is text).
    if (slashesBefore(src, m.index) % 2 === 0) return m.index;
  }
  return undefined;
}

// $$...$$ anywhere in a paragraph, display style. The formula may span lines.
const DISPLAY_INLINE = /^\$\$(?!\$)((?:\\[\s\S]|[^\\$])+?)\$\$/;
// $...$ on one paragraph's text: pandoc's rule (see above).
const INLINE = /^\$(?![\s$])((?:\\[\s\S]|[^\\$])*?(?:\\[\s\S]|[^\s\\$]))\$(?!\d)/;
// LaTeX's own: \(...\) inline and \[...\] display, as MathJax reads them in JupyterLab.
const LATEX_INLINE = /^\\\(((?:\\[\s\S]|[^\\])+?)\\\)/;
const LATEX_DISPLAY = /^\\\[((?:\\[\s\S]|[^\\])+?)\\\]/;
// A paragraph of its own: $$ on its first line, $$ closing its last.
const DISPLAY_BLOCK = /^ {0,3}\$\$((?:\\[\s\S]|[^\\$]|\$(?!\$))+?)\$\$[ \t]*(?:\n+|$)/;

/** marked extensions: `$$...$$` as a block of its own or inside a paragraph, `$...$` inline, and `\(...\)`, `\[...\]`. */
export const mathExtension: MarkedExtension = {
  extensions: [
    {
      name: "mathBlock",
      level: "block",
      start: (src) => {
        const match = /(?:^|\n)( {0,3}\$\$)/.exec(src);
        return match ? match.index + match[0].length - match[1]!.length : undefined;
      },
      tokenizer(src): MathToken | undefined {
        const match = DISPLAY_BLOCK.exec(src);
        if (!match || !match[1]!.trim()) return undefined;
        return { type: "mathBlock", raw: match[0], text: match[1]!.trim(), display: true };
      },
      renderer: (token) => `<div class="nb-math">${renderTex((token as MathToken).text, true)}</div>\n`,
    },
    {
      name: "math",
      level: "inline",
      start: firstMathStart,
      tokenizer(src): MathToken | undefined {
        const latexDisplay = LATEX_DISPLAY.exec(src);
        if (latexDisplay && latexDisplay[1]!.trim()) return { type: "math", raw: latexDisplay[0], text: latexDisplay[1]!.trim(), display: true };
        const latexInline = LATEX_INLINE.exec(src);
        if (latexInline && latexInline[1]!.trim()) return { type: "math", raw: latexInline[0], text: latexInline[1]!.trim(), display: false };
        const display = DISPLAY_INLINE.exec(src);
        if (display && display[1]!.trim()) return { type: "math", raw: display[0], text: display[1]!.trim(), display: true };
        const inline = INLINE.exec(src);
        if (inline) return { type: "math", raw: inline[0], text: inline[1]!, display: false };
        return undefined;
      },
      renderer: (token) => renderTex((token as MathToken).text, (token as MathToken).display),
    },
  ],
};

/**
 * A `text/latex` output (SymPy, IPython.display.Latex, pandas' to_latex): one formula wrapped in
 * `$$`, `\[`, `$` or `\(`, or bare TeX (an align environment), typeset as display math, as
 * JupyterLab does. `$...$` keeps text style, as SymPy's `$\displaystyle ...$` expects.
 */
export function latexOutputHtml(latex: string): string {
  const text = latex.trim();
  const wrapped = (open: string, close: string) => text.length >= open.length + close.length && text.startsWith(open) && text.endsWith(close) ? text.slice(open.length, -close.length) : null;
  const display = wrapped("$$", "$$") ?? wrapped("\\[", "\\]");
  if (display !== null) return `<div class="nb-math">${renderTex(display.trim(), true)}</div>`;
  const inline = wrapped("$", "$") ?? wrapped("\\(", "\\)");
  if (inline !== null && !inline.includes("$")) return `<div class="nb-math">${renderTex(inline.trim(), false)}</div>`;
  return `<div class="nb-math">${renderTex(text, true)}</div>`;
}
