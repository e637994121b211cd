/**
 * Draws the two Teams icons of Lotse – a compass rose in a ring (a ship's pilot, German "Lotse", steers by it) –
 * and writes manifest/color.png (192×192) and manifest/outline.png (32×32, white on transparent).
 * Pure arithmetic (no trigonometry, 8×8 supersampling): the pixels are the same on every machine. The PNG
 * bytes come from pngjs (zlib), which may compress differently across Node versions, so a file is only
 * rewritten when its pixels change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { findProjectRoot } from './manifest/settings';

type Rgba = [number, number, number, number];
type Point = [number, number];

/** Colour of the accent (matches accentColor in the manifest template). */
export const ACCENT: Rgba = [0x12, 0x46, 0x6b, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [0xf5, 0xb7, 0x00, 255];
const SUPERSAMPLE = 8;
const K = Math.SQRT1_2;

function insidePolygon(x: number, y: number, poly: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const xi = poly[i][0];
    const yi = poly[i][1];
    const xj = poly[j][0];
    const yj = poly[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Four-pointed star: tips at north/east/south/west (radius tip), inner corners on the diagonals. */
function star(tip: number, inner: number): Point[] {
  const d = inner * K;
  return [
    [0, -tip],
    [d, -d],
    [tip, 0],
    [d, d],
    [0, tip],
    [-d, d],
    [-tip, 0],
    [-d, -d],
  ];
}

/** The same star turned by 45°. */
function diagonalStar(tip: number, inner: number): Point[] {
  const t = tip * K;
  return [
    [t, -t],
    [inner, 0],
    [t, t],
    [0, inner],
    [-t, t],
    [-inner, 0],
    [-t, -t],
    [0, -inner],
  ];
}

const blend = (under: Rgba, over: Rgba, opacity: number): Rgba =>
  [0, 1, 2, 3].map((i) => under[i] + (over[i] - under[i]) * opacity) as Rgba;

/** Renders size×size RGBA pixels; shade(x, y) gets coordinates in -1..1 (y down) and returns a colour. */
function render(size: number, shade: (x: number, y: number) => Rgba): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = ((px + (sx + 0.5) / SUPERSAMPLE) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / SUPERSAMPLE) / size) * 2 - 1;
          const c = shade(x, y);
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += c[3];
        }
      }
      for (let i = 0; i < 4; i++) out[(py * size + px) * 4 + i] = Math.round(sum[i] / n);
    }
  }
  return out;
}

/** 8-bit RGBA PNG of size×size pixels. */
function encodePng(size: number, rgba: Uint8Array): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png, { colorType: 6 });
}

/** True when both PNG files decode to the same size and RGBA pixels (however they were compressed). */
export function samePixels(a: Buffer, b: Buffer): boolean {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  return x.width === y.width && x.height === y.height && x.data.equals(y.data);
}

const within = (x: number, y: number, r: number) => x * x + y * y <= r * r;

/** 192×192 colour icon: white compass rose with an amber north point in a white ring, on the accent colour. */
export function renderColorIcon(): Buffer {
  const main = star(0.8, 0.17);
  const minor = diagonalStar(0.46, 0.1);
  const north: Point[] = [
    [0, -0.8],
    [0.17 * K, -0.17 * K],
    [0, 0],
    [-0.17 * K, -0.17 * K],
  ];
  const size = 192;
  const pixels = render(size, (x, y) => {
    let c = ACCENT;
    const d2 = x * x + y * y;
    if (d2 <= 0.62 * 0.62 && d2 >= 0.53 * 0.53) c = WHITE;
    if (insidePolygon(x, y, minor)) c = blend(c, WHITE, 0.6);
    if (insidePolygon(x, y, main)) c = insidePolygon(x, y, north) ? AMBER : WHITE;
    if (within(x, y, 0.07)) c = ACCENT;
    return c;
  });
  return encodePng(size, pixels);
}

/** 32×32 outline icon: the same motif in white only, on a transparent background (every pixel #FFFFFF + alpha). */
export function renderOutlineIcon(): Buffer {
  const main = star(0.74, 0.22);
  const size = 32;
  const transparentWhite: Rgba = [255, 255, 255, 0];
  const pixels = render(size, (x, y) => {
    const d2 = x * x + y * y;
    const ring = d2 <= 0.93 * 0.93 && d2 >= 0.8 * 0.8;
    const rose = insidePolygon(x, y, main) && !within(x, y, 0.11);
    return ring || rose ? WHITE : transparentWhite;
  });
  return encodePng(size, pixels);
}

export function renderIcons(): { 'color.png': Buffer; 'outline.png': Buffer } {
  return { 'color.png': renderColorIcon(), 'outline.png': renderOutlineIcon() };
}

if (require.main === module) {
  const dir = path.join(findProjectRoot(), 'manifest');
  for (const [name, data] of Object.entries(renderIcons())) {
    const file = path.join(dir, name);
    const same = fs.existsSync(file) && samePixels(fs.readFileSync(file), data);
    if (!same) fs.writeFileSync(file, data);
    console.log(`${path.join('manifest', name)}: ${same ? 'Pixel unverändert, Datei bleibt' : `${data.length} Bytes geschrieben`}`);
  }
}
