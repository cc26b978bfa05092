/**
 * SHA-256 of a string's UTF-8 bytes, returned as the eight big-endian 32-bit words of the digest,
 * written for the one place it is hot: seeding a forked `Rng` (one hash per fork, 50 per simulate
 * of a 50-node model), where the general hashing path (bytes, then hex text, then parsing the hex
 * back) cost ~10 µs per fork. Same function as `sha256Hex` in ../hash (tests compare them on
 * random strings of every length class); no allocation after the first call but the result.
 * Complexity: O(length of the string).
 * Reference: NIST FIPS 180-4, "Secure Hash Standard" (2015), §6.2 (SHA-256).
 */

/** Round constants K₀ … K₆₃ (first 32 bits of the fractional parts of the cube roots of the first 64 primes). */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
/** Initial hash value H⁰ (first 32 bits of the fractional parts of the square roots of the first 8 primes). */
const H0 = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** Message schedule, reused by every call. */
const W = new Int32Array(64);
/** Padded message, grown as needed and reused. */
let message = new Uint8Array(256);

/** Writes the UTF-8 bytes of `text` into `message` (growing it); returns the byte length. */
function encodeUtf8(text: string): number {
  if (message.length < 3 * text.length + 72) message = new Uint8Array(3 * text.length + 72);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    // NOTE: a lone surrogate is encoded as U+FFFD, as TextEncoder (and @noble/hashes' utf8ToBytes) do.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) message[length++] = c;
    else if (c < 0x800) {
      message[length++] = 0xc0 | (c >> 6);
      message[length++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      message[length++] = 0xe0 | (c >> 12);
      message[length++] = 0x80 | ((c >> 6) & 63);
      message[length++] = 0x80 | (c & 63);
    } else {
      message[length++] = 0xf0 | (c >> 18);
      message[length++] = 0x80 | ((c >> 12) & 63);
      message[length++] = 0x80 | ((c >> 6) & 63);
      message[length++] = 0x80 | (c & 63);
    }
  }
  return length;
}

/**
 * SHA-256 digest of the UTF-8 encoding of `text`.
 *
 * @param text - Any string (lone surrogates hash as U+FFFD).
 * @returns The digest as eight signed 32-bit words, big-endian (word 0 = hex digits 0–7).
 */
export function sha256Words(text: string): Int32Array {
  const length = encodeUtf8(text);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer, to a multiple of 64 bytes.
  const blocks = Math.ceil((length + 9) / 64);
  const padded = blocks * 64;
  message[length] = 0x80;
  message.fill(0, length + 1, padded);
  const bitLength = length * 8;
  message[padded - 5] = Math.floor(bitLength / 2 ** 32) & 0xff;
  message[padded - 4] = bitLength >>> 24;
  message[padded - 3] = (bitLength >>> 16) & 0xff;
  message[padded - 2] = (bitLength >>> 8) & 0xff;
  message[padded - 1] = bitLength & 0xff;
  const h = H0.slice();
  for (let block = 0; block < padded; block += 64) {
    for (let t = 0; t < 16; t++) {
      const o = block + 4 * t;
      W[t] = (message[o]! << 24) | (message[o + 1]! << 16) | (message[o + 2]! << 8) | message[o + 3]!;
    }
    for (let t = 16; t < 64; t++) {
      const w15 = W[t - 15]!;
      const w2 = W[t - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let t = 0; t < 64; t++) {
      const sigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const choose = (e & f) ^ (~e & g);
      const t1 = (hh + sigma1 + choose + K[t]! + W[t]!) | 0;
      const sigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (sigma0 + majority) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  return h;
}
