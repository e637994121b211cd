/**
 * A tiny, dependency-free PNG encoder (8-bit RGBA, non-interlaced) with its own deflate.
 *
 * Why not zlib: Node's bundled zlib may compress the same bytes differently across Node versions and CPUs,
 * so `npm run icons` would not be byte-identical everywhere. This deflate (fixed Huffman codes, greedy LZ77)
 * is plain arithmetic and always produces the same output for the same pixels. Any PNG decoder (and Node's
 * zlib.inflateSync) reads it.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309), as used by PNG chunks and ZIP entries. */
export function crc32(data: Uint8Array, start = 0xffffffff): number {
  let c = start;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class BitWriter {
  private bytes: number[] = [];
  private bitBuf = 0;
  private bitCount = 0;

  /** Writes `count` bits of `value`, least significant bit first (deflate's order for header and extra bits). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.bitBuf |= ((value >>> i) & 1) << this.bitCount;
      if (++this.bitCount === 8) this.flushByte();
    }
  }

  /** Writes a Huffman code of `length` bits, most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.bitBuf |= ((code >>> i) & 1) << this.bitCount;
      if (++this.bitCount === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.bitBuf);
    this.bitBuf = 0;
    this.bitCount = 0;
  }

  finish(): number[] {
    if (this.bitCount > 0) this.flushByte();
    return this.bytes;
  }
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Fixed Huffman code of a literal/length symbol (RFC 1951, 3.2.6). */
function writeLitLen(w: BitWriter, symbol: number): void {
  if (symbol < 144) w.code(0x30 + symbol, 8);
  else if (symbol < 256) w.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) w.code(symbol - 256, 7);
  else w.code(0xc0 + symbol - 280, 8);
}

function findIndex(base: number[], value: number): number {
  let i = base.length - 1;
  while (base[i] > value) i--;
  return i;
}

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;
const MAX_CHAIN = 128;

/** zlib stream (RFC 1950) with one fixed-Huffman deflate block and greedy LZ77 matching. Deterministic. */
export function deflateDeterministic(data: Uint8Array): Buffer {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = 01, fixed Huffman codes
  const head = new Map<number, number>();
  const prev = new Int32Array(data.length).fill(-1);
  const hashAt = (i: number) => (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
  const insert = (i: number) => {
    if (i + MIN_MATCH > data.length) return;
    const h = hashAt(i);
    prev[i] = head.get(h) ?? -1;
    head.set(h, i);
  };
  let i = 0;
  while (i < data.length) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + MIN_MATCH <= data.length) {
      let candidate = head.get(hashAt(i)) ?? -1;
      let chain = 0;
      const maxLen = Math.min(MAX_MATCH, data.length - i);
      while (candidate >= 0 && i - candidate <= WINDOW && chain++ < MAX_CHAIN) {
        let len = 0;
        while (len < maxLen && data[candidate + len] === data[i + len]) len++;
        if (len > bestLen) {
          bestLen = len;
          bestDist = i - candidate;
          if (len === maxLen) break;
        }
        candidate = prev[candidate];
      }
    }
    if (bestLen >= MIN_MATCH) {
      const li = findIndex(LENGTH_BASE, bestLen);
      writeLitLen(w, 257 + li);
      w.bits(bestLen - LENGTH_BASE[li], LENGTH_EXTRA[li]);
      const di = findIndex(DIST_BASE, bestDist);
      w.code(di, 5);
      w.bits(bestDist - DIST_BASE[di], DIST_EXTRA[di]);
      for (let k = 0; k < bestLen; k++) insert(i + k);
      i += bestLen;
    } else {
      writeLitLen(w, data[i]);
      insert(i);
      i++;
    }
  }
  writeLitLen(w, 256); // end of block
  const body = w.finish();
  const out = Buffer.alloc(2 + body.length + 4);
  out[0] = 0x78; // CMF: deflate, 32K window
  out[1] = 0x01; // FLG: fastest-compression marker, FCHECK so that CMF*256+FLG is a multiple of 31
  Buffer.from(body).copy(out, 2);
  out.writeUInt32BE(adler32(data), 2 + body.length);
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Filters each scanline with the PNG filter (0..4) that gives the smallest sum of absolute values. */
function filterScanlines(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(height * (stride + 1));
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let bestFilter = 0;
    let bestScore = Infinity;
    let best = new Uint8Array(stride);
    for (let f = 0; f <= 4; f++) {
      let score = 0;
      for (let x = 0; x < stride; x++) {
        const a = x >= 4 ? row[x - 4] : 0;
        const b = up[x];
        const c = x >= 4 ? up[x - 4] : 0;
        const predictor = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (row[x] - predictor) & 0xff;
        candidate[x] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        bestFilter = f;
        best = candidate.slice();
      }
    }
    out[y * (stride + 1)] = bestFilter;
    out.set(best, y * (stride + 1) + 1);
  }
  return out;
}

/** Encodes 8-bit RGBA pixels (row by row, 4 bytes per pixel) as a PNG file. Same pixels → same bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = deflateDeterministic(filterScanlines(rgba, width, height));
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
