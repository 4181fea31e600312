// The committed icons match what the manifest and index.html promise (sizes, maskable bleed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICONS, composeIcon, whaleMarkup } from '../../scripts/icons';

const root = join(import.meta.dirname, '..', '..');

describe('app icons', () => {
  it('are committed at their declared sizes', () => {
    for (const icon of ICONS) {
      const png = PNG.sync.read(readFileSync(join(root, 'public', icon.file)));
      expect([icon.file, png.width, png.height]).toEqual([icon.file, icon.size, icon.size]);
    }
  });

  it('fill the whole square when maskable or apple-touch (no transparent corners)', () => {
    for (const file of ['pwa-maskable-512.png', 'apple-touch-icon-180.png']) {
      const png = PNG.sync.read(readFileSync(join(root, 'public', file)));
      expect(png.data[3]).toBe(255);
      expect(png.data[png.data.length - 1]).toBe(255);
    }
    const rounded = PNG.sync.read(readFileSync(join(root, 'public', 'pwa-512.png')));
    expect(rounded.data[3]).toBe(0);
  });

  it('compose from the one source image', () => {
    const source = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
    expect(whaleMarkup(source)).toContain('id="whale"');
    expect(composeIcon(source, 'square', 0.72)).toMatch(/^<svg [^>]*viewBox="0 0 512 512">/);
    expect(readFileSync(join(root, 'public', 'favicon.svg'), 'utf8').trim()).toBe(composeIcon(source, 'rounded', 0.86));
  });

  it('are the ones index.html links', () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(html).toContain('href="/apple-touch-icon-180.png"');
    expect(html).toContain('href="/favicon.svg"');
  });
});
