// Draws the app icon (a check mark on a commit graph, on a rounded square) and writes it as
// PNG files into public/icons/. No image library: each pixel's coverage is sampled 4x4 from
// simple shapes, and the PNG bytes (signature, IHDR, IDAT, IEND; CRC-32 per chunk) are written
// with node:zlib. Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

/** The brand colours; keep in step with the manifest's theme_color in vite.config.ts. */
const BACKGROUND: Rgba = [0x1f, 0x5f, 0xa8, 255];
const INK: Rgba = [255, 255, 255, 255];
const ACCENT: Rgba = [0x8f, 0xd1, 0x9e, 255];

/** A shape in the unit square: true where a point is inside. */
type Shape = (x: number, y: number) => boolean;

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function roundedSquare(inset: number, radius: number): Shape {
  return (x, y) => {
    const cx = Math.max(inset + radius, Math.min(1 - inset - radius, x));
    const cy = Math.max(inset + radius, Math.min(1 - inset - radius, y));
    return Math.hypot(x - cx, y - cy) <= radius;
  };
}

function polyline(points: ReadonlyArray<readonly [number, number]>, width: number): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      if (distanceToSegment(x, y, ax, ay, bx, by) <= width / 2) return true;
    }
    return false;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) <= r;
}

/** The glyph, drawn in a box of `scale` centred in the unit square (maskable icons shrink it). */
function glyph(scale: number): Array<{ shape: Shape; color: Rgba }> {
  const at = (v: number): number => 0.5 + (v - 0.5) * scale;
  const check = polyline([[at(0.27), at(0.46)], [at(0.43), at(0.62)], [at(0.74), at(0.28)]], 0.1 * scale);
  const branch = polyline([[at(0.27), at(0.76)], [at(0.74), at(0.76)]], 0.035 * scale);
  const dots = [circle(at(0.27), at(0.76), 0.045 * scale), circle(at(0.5), at(0.76), 0.045 * scale), circle(at(0.74), at(0.76), 0.045 * scale)];
  return [
    { shape: branch, color: ACCENT },
    ...dots.map((shape) => ({ shape, color: ACCENT })),
    { shape: check, color: INK },
  ];
}

/** RGBA pixels of one icon: `maskable` fills the whole square and keeps the glyph in the safe zone. */
function draw(size: number, maskable: boolean): Uint8Array {
  const layers = [
    { shape: maskable ? (() => true) as Shape : roundedSquare(0.02, 0.2), color: BACKGROUND },
    ...glyph(maskable ? 0.72 : 1),
  ];
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color: Rgba | undefined;
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += color[3];
          }
        }
      }
      const n = samples * samples;
      const covered = a / 255;
      const at = (py * size + px) * 4;
      pixels[at] = covered ? Math.round(r / covered) : 0;
      pixels[at + 1] = covered ? Math.round(g / covered) : 0;
      pixels[at + 2] = covered ? Math.round(b / covered) : 0;
      pixels[at + 3] = Math.round(a / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG bytes of an RGBA image: 8-bit colour type 6, every scanline with filter 0. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
  { file: 'favicon-32.png', size: 32, maskable: false },
];

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const icon of ICONS) {
  const png = encodePng(icon.size, draw(icon.size, icon.maskable));
  writeFileSync(new URL(icon.file, out), png);
  process.stdout.write(`public/icons/${icon.file}: ${icon.size}x${icon.size}, ${png.length} bytes\n`);
}
