#!/usr/bin/env node
// Draws Lumbung's icons from one description: writes the SVG sources and rasterizes
// the PNGs that Electron and electron-builder need. Run: node assets/generate-icons.mjs
// (no dependencies: shapes are sampled per pixel and PNGs written with zlib).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const GRID = 64; // shapes are drawn on a 64×64 grid and scaled

const GREEN = '#1f5f3a';
const STRAW = '#f2b531';
const STRAW_DARK = '#c98a12';
const CREAM = '#fbe9c4';

// A Sasak lumbung: a tall pointed straw roof with a hatch, a small store, a floor on stilts.
const ROOF = [
  [32, 7],
  [40, 14],
  [46, 22],
  [50, 29],
  [54, 36],
  [10, 36],
  [14, 29],
  [18, 22],
  [24, 14],
];
const barn = (body, hatch) => [
  { kind: 'rect', x: 17, y: 46, w: 4, h: 11, fill: body },
  { kind: 'rect', x: 43, y: 46, w: 4, h: 11, fill: body },
  { kind: 'rect', x: 30, y: 46, w: 4, h: 11, fill: body },
  { kind: 'rect', x: 13, y: 43, w: 38, h: 4, r: 1, fill: STRAW_DARK },
  { kind: 'rect', x: 20, y: 35, w: 24, h: 9, fill: body },
  { kind: 'polygon', points: ROOF, fill: STRAW },
  { kind: 'rect', x: 28, y: 23, w: 8, h: 8, r: 1, fill: hatch },
];

const APP_ICON = [
  { kind: 'rect', x: 2, y: 2, w: 60, h: 60, r: 13, fill: GREEN },
  ...barn(CREAM, GREEN),
];

// macOS tints template images itself: one opaque colour, the hatch cut out.
const TEMPLATE = barn('#000000', 'clear').map((shape) =>
  shape.fill === 'clear' ? shape : { ...shape, fill: '#000000' },
);

// ---- SVG --------------------------------------------------------------------------

function svgShape(shape) {
  const fill = shape.fill === 'clear' ? '#000000' : shape.fill;
  if (shape.kind === 'rect') {
    const r = shape.r ? ` rx="${shape.r}"` : '';
    return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}"${r} fill="${fill}"/>`;
  }
  return `<polygon points="${shape.points.map((p) => p.join(',')).join(' ')}" fill="${fill}"/>`;
}

function svg(shapes) {
  const cut = shapes.filter((s) => s.fill === 'clear');
  const drawn = shapes.filter((s) => s.fill !== 'clear').map(svgShape);
  const mask = cut.length
    ? `<mask id="cut"><rect width="${GRID}" height="${GRID}" fill="#fff"/>${cut.map((s) => svgShape(s).replace('#000000', '#000')).join('')}</mask>`
    : '';
  const open = cut.length ? '<g mask="url(#cut)">' : '<g>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${GRID} ${GRID}">${mask}${open}${drawn.join('')}</g></svg>\n`;
}

// ---- raster -----------------------------------------------------------------------

function rgba(hex) {
  if (hex === 'clear') return [0, 0, 0, 0];
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

function insideRect(s, x, y) {
  if (x < s.x || y < s.y || x > s.x + s.w || y > s.y + s.h) return false;
  const r = s.r ?? 0;
  if (r === 0) return true;
  const cx = Math.min(Math.max(x, s.x + r), s.x + s.w - r);
  const cy = Math.min(Math.max(y, s.y + r), s.y + s.h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insidePolygon(points, x, y) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inside = (s, x, y) =>
  s.kind === 'rect' ? insideRect(s, x, y) : insidePolygon(s.points, x, y);

/** Later shapes cover earlier ones; each pixel averages SS×SS samples (premultiplied). */
function rasterize(shapes, size, ss = 4) {
  const colours = shapes.map((s) => rgba(s.fill));
  const out = Buffer.alloc(size * size * 4);
  const scale = GRID / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * scale;
          const y = (py + (sy + 0.5) / ss) * scale;
          let colour = null;
          for (let i = shapes.length - 1; i >= 0; i--) {
            if (inside(shapes[i], x, y)) {
              colour = colours[i];
              break;
            }
          }
          if (colour && colour[3] > 0) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 255;
          }
        }
      }
      const o = (py * size + px) * 4;
      const alpha = a / (ss * ss);
      out[o] = a ? Math.round((r * 255) / a) : 0;
      out[o + 1] = a ? Math.round((g * 255) / a) : 0;
      out[o + 2] = a ? Math.round((b * 255) / a) : 0;
      out[o + 3] = Math.round(alpha);
    }
  }
  return out;
}

// ---- PNG --------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(pixels, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function write(relative, data) {
  const file = join(here, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

const drawPng = (shapes, size, relative) => write(relative, png(rasterize(shapes, size), size));

write('src/icon.svg', svg(APP_ICON));
write('src/tray-template.svg', svg(TEMPLATE));
// electron-builder derives .icns (macOS) and .ico (Windows) from this one file.
drawPng(APP_ICON, 1024, 'icon.png');
// Linux icon theme sizes; 256 is also the window icon.
for (const size of [16, 32, 48, 64, 128, 256, 512])
  drawPng(APP_ICON, size, `icons/${size}x${size}.png`);
// Windows and Linux trays show the coloured icon; Electron picks @2x on HiDPI screens.
drawPng(APP_ICON, 16, 'tray/tray.png');
drawPng(APP_ICON, 32, 'tray/tray@2x.png');
// The "Template" suffix tells macOS to tint the image for light and dark menu bars.
drawPng(TEMPLATE, 16, 'tray/trayTemplate.png');
drawPng(TEMPLATE, 32, 'tray/trayTemplate@2x.png');
