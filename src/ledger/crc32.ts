import * as zlib from 'node:zlib';

/**
 * CRC-32 (IEEE, the zip/PNG polynomial) guards each journal line against torn or
 * rotten bytes. node:zlib has it since Node 20.15; the table version keeps older
 * runtimes (and tests comparing the two) working.
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32Table(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native: ((data: Uint8Array) => number) | undefined =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data) => zlib.crc32(data) >>> 0
    : undefined;

export function crc32(data: Uint8Array): number {
  return native ? native(data) : crc32Table(data);
}
