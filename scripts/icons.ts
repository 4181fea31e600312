// Generates every app icon from the one source image, assets/icon.svg (the whale): favicon.svg,
// the manifest's 192/512 icons, the maskable 512 icon and the 180 apple-touch icon, rendered by
// Debian's Chromium. The PNGs are committed in public/, so a build never needs Chromium.
// Run: npm run icons
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, chromePath } from '../test/e2e/browser';

const ROOT = join(import.meta.dirname, '..');
const PUBLIC = join(ROOT, 'public');
const THEME = '#0b4f6c';

/** The whale's drawing bounds inside the 512 box of assets/icon.svg (centre of the artwork). */
const WHALE_CENTRE = { x: 251, y: 244 };

export type IconShape = 'rounded' | 'square';

export interface IconSpec {
  file: string;
  size: number;
  shape: IconShape;
  /** Scale of the whale inside the 512 box: maskable icons keep it in the central safe circle. */
  scale: number;
}

export const ICONS: readonly IconSpec[] = [
  { file: 'pwa-192.png', size: 192, shape: 'rounded', scale: 0.86 },
  { file: 'pwa-512.png', size: 512, shape: 'rounded', scale: 0.86 },
  // Maskable: full bleed, whale inside the 80 % safe zone (radius 204.8 of 256).
  { file: 'pwa-maskable-512.png', size: 512, shape: 'square', scale: 0.72 },
  // iOS rounds the corners itself and shows transparency as black: full bleed.
  { file: 'apple-touch-icon-180.png', size: 180, shape: 'square', scale: 0.8 },
];

/** The drawing inside the source SVG's root element, comments removed. */
export function whaleMarkup(sourceSvg: string): string {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(sourceSvg)?.[1];
  if (!inner) throw new Error('assets/icon.svg: no <svg> root element');
  return inner.replace(/<!--[\s\S]*?-->/g, '').trim();
}

/** A complete 512 x 512 icon SVG: the theme background (rounded or full bleed) and the whale. */
export function composeIcon(sourceSvg: string, shape: IconShape, scale: number): string {
  const dx = 256 - scale * WHALE_CENTRE.x;
  const dy = 256 - scale * WHALE_CENTRE.y;
  const background =
    shape === 'rounded'
      ? `<rect width="512" height="512" rx="112" fill="${THEME}"/>`
      : `<rect width="512" height="512" fill="${THEME}"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    background,
    `<g transform="translate(${dx.toFixed(2)} ${dy.toFixed(2)}) scale(${scale})">${whaleMarkup(sourceSvg)}</g>`,
    '</svg>',
  ].join('');
}

async function main() {
  const source = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
  writeFileSync(join(PUBLIC, 'favicon.svg'), composeIcon(source, 'rounded', 0.86) + '\n');
  console.log('public/favicon.svg');

  const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_FLAGS });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      const svg = composeIcon(source, icon.shape, icon.scale);
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
          `<img src="${src}" width="${icon.size}" height="${icon.size}" alt="">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({ path: join(PUBLIC, icon.file), omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      await page.close();
      console.log(`public/${icon.file}  ${icon.size}x${icon.size}`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
