// Renders assets/icons/icon.svg to the PNG icons the manifest names, with headless Chromium.
// Run by hand when the icon changes: `node tests/e2e/make-icons.mjs`; the PNGs are committed.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./harness.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const svg = readFileSync(join(ROOT, "assets/icons/icon.svg"), "utf8");
// Full-bleed square for maskable and Apple icons (the platform rounds the corners);
// the glyph then sits well inside the maskable safe zone (the central 80 % circle).
const square = svg.replace('rx="112"', 'rx="0"');
const maskable = square.replace("<g ", '<g transform="translate(51.2 51.2) scale(0.8)" ');

const icons = [
  ["icon-192.png", 192, svg],
  ["icon-512.png", 512, svg],
  ["maskable-512.png", 512, maskable],
  ["apple-touch-icon.png", 180, square],
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (const [name, size, source] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
  );
  await page.screenshot({ path: join(ROOT, "assets/icons", name), omitBackground: true });
  await page.close();
  console.log(`assets/icons/${name} (${size}×${size})`);
}
await browser.close();
