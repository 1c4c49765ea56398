#!/usr/bin/env node
// Writes the app icons into public/ from one shape list, so the SVG and the PNGs always match:
//   icon.svg (any size), icon-192.png, icon-512.png (rounded), icon-maskable-512.png (full bleed,
//   motif inside the maskable safe zone, for Android's adaptive icons).
// Why a hand-rolled rasteriser: the icons are a few rounded rectangles, and every PNG tool on npm
// pulls a native image library (sharp/libvips) that has to be downloaded per platform.
//   node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = '#1d4ed8';
const WHITE = '#ffffff';
const LIGHT = '#93c5fd';

/** Three bars of different heights side by side: models lined up and compared. 32-unit canvas. */
const BARS = [
  { x: 7, y: 8, w: 4, h: 16, r: 2, fill: WHITE },
  { x: 14, y: 12, w: 4, h: 12, r: 2, fill: LIGHT },
  { x: 21, y: 6, w: 4, h: 18, r: 2, fill: WHITE },
];

/** @param {{ maskable: boolean }} o @returns {{ x: number, y: number, w: number, h: number, r: number, fill: string }[]} */
function shapes({ maskable }) {
  if (!maskable) return [{ x: 0, y: 0, w: 32, h: 32, r: 7, fill: BLUE }, ...BARS];
  // Maskable: the launcher crops to any shape inside the central 80% circle, so the background
  // fills the square and the bars shrink around the centre (factor 0.75 keeps every corner inside).
  const k = 0.75;
  const scaled = BARS.map((b) => ({ ...b, x: 16 + (b.x - 16) * k, y: 16 + (b.y - 15) * k, w: b.w * k, h: b.h * k, r: b.r * k }));
  return [{ x: 0, y: 0, w: 32, h: 32, r: 0, fill: BLUE }, ...scaled];
}

function toSvg(list) {
  const rects = list.map((s) => `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.fill}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${rects.join('')}</svg>\n`;
}

function inside(s, px, py) {
  if (px < s.x || py < s.y || px > s.x + s.w || py > s.y + s.h) return false;
  // Distance to the nearest corner centre, only in the corner regions.
  const cx = Math.min(Math.max(px, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(py, s.y + s.r), s.y + s.h - s.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= s.r ** 2;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA pixels, 4×4 supersampled so edges are antialiased. */
function rasterise(list, size) {
  const SS = 4;
  const pixels = Buffer.alloc(size * size * 4);
  const colours = list.map((s) => rgb(s.fill));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const px = ((x + (sx + 0.5) / SS) * 32) / size;
          const py = ((y + (sy + 0.5) / SS) * 32) / size;
          for (let i = list.length - 1; i >= 0; i--) {
            if (!inside(list[i], px, py)) continue;
            const [r, g, b] = colours[i];
            sum[0] += r; sum[1] += g; sum[2] += b; sum[3] += 255;
            break;
          }
        }
      }
      const n = SS * SS;
      const covered = sum[3] / 255 || 1; // un-premultiply: colour averaged over covered samples only
      pixels.set([sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / n].map(Math.round), (y * size + x) * 4);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** Minimal PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icon.svg', out), toSvg(shapes({ maskable: false })));
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]]) {
  writeFileSync(new URL(name, out), encodePng(rasterise(shapes({ maskable }), size), size));
}
console.log('wrote public/icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png');
