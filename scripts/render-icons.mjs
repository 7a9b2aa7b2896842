// Renders public/'s PNG icons and favicon.ico from the two SVG marks, in Chromium (as a browser
// draws them): `node scripts/render-icons.mjs`. The files are committed; run this again after
// changing public/icon.svg or public/icons/icon-full.svg.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const pub = path.resolve("public");
const rounded = fs.readFileSync(path.join(pub, "icon.svg"), "utf8");
const full = fs.readFileSync(path.join(pub, "icons/icon-full.svg"), "utf8");
const targets = [
  // Browsers' tabs and bookmarks: the rounded mark on transparency.
  { file: "icons/icon-192.png", svg: rounded, size: 192 },
  { file: "icons/icon-512.png", svg: rounded, size: 512 },
  // Launchers that mask the icon, and iOS (which rounds its own corners): full bleed.
  { file: "icons/icon-maskable-512.png", svg: full, size: 512 },
  { file: "icons/apple-touch-icon.png", svg: full, size: 180 },
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
async function render(svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  return page.locator("svg").screenshot({ omitBackground: true });
}
for (const t of targets) fs.writeFileSync(path.join(pub, t.file), await render(t.svg, t.size));
const small = [];
for (const size of [16, 32, 48]) small.push({ size, png: await render(rounded, size) });
await browser.close();
fs.writeFileSync(path.join(pub, "favicon.ico"), ico(small));

/** An .ico of PNG images (the format every browser since IE 11 reads): a directory, then the PNGs. */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}
console.log(`Wrote ${targets.map((t) => t.file).join(", ")} and favicon.ico under public/.`);
