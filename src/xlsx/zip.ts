/**
 * The zip container, read and written as a list of entries rather than an object keyed by name
 * (issue 15): fflate's unzipSync and zipSync key entries by name in a plain object, so an entry
 * named `__proto__` was lost (and junk entries added), a duplicated name kept only its last copy,
 * and a name that was not UTF-8 was re-encoded. Here every entry keeps its raw name bytes, its
 * position and, when untouched, its compressed bytes; fflate still does the inflating and deflating.
 */
import { deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  /** The name for lookups: UTF-8 when the entry's UTF-8 flag is set, else Latin-1 (one character per byte), as fflate decodes it. */
  name: string;
  /** The name exactly as the zip holds it. */
  rawName: Uint8Array;
  /** The general-purpose flags (the UTF-8 flag among them), kept when the entry is written again. */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The bytes as stored in the zip, and their inflated size. */
  compressed: Uint8Array;
  size: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x800;
const DATA_DESCRIPTOR_FLAG = 0x8;
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
const utf8 = new TextDecoder();

/** The entries in the central directory's order. Throws Error with a short reason when the container is broken. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = bytes.length - 22;
  const lowest = Math.max(0, end - 0xffff);
  while (end >= lowest && u32(end) !== END_OF_DIRECTORY) end--;
  if (end < lowest) throw new Error('invalid zip data');
  let count = u16(end + 10);
  let at = u32(end + 16);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(end - 12, true));
    count = Number(view.getBigUint64(record + 32, true));
    at = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL_HEADER) throw new Error('invalid zip data');
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const rawName = bytes.slice(at + 46, at + 46 + nameLength);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let offset = u32(at + 42);
    // Zip64: the sizes and offset that overflow 32 bits are in extra field 1, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 1) continue;
      let field = x + 4;
      const wide = () => Number(view.getBigUint64((field += 8) - 8, true));
      if (size === 0xffffffff) size = wide();
      if (compressedSize === 0xffffffff) compressedSize = wide();
      if (offset === 0xffffffff) offset = wide();
    }
    if (offset + 30 > bytes.length || u32(offset) !== LOCAL_HEADER) throw new Error('invalid zip data');
    const start = offset + 30 + u16(offset + 26) + u16(offset + 28);
    if (start + compressedSize > bytes.length) throw new Error('invalid zip data');
    entries.push({
      name: flags & UTF8_FLAG ? utf8.decode(rawName) : latin1(rawName),
      rawName,
      flags,
      method: u16(at + 10),
      crc: u32(at + 16),
      compressed: bytes.subarray(start, start + compressedSize),
      size,
    });
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return entries;
}

/** An entry's content. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.compressed.slice();
  if (entry.method === 8) return inflateSync(entry.compressed, { out: new Uint8Array(entry.size) });
  throw new Error(`unknown compression type ${entry.method}`);
}

/** An entry with new content, keeping the name, flags and compression method (stored stays stored). */
export function replaceEntry(entry: ZipEntry, data: Uint8Array): ZipEntry {
  const method = entry.method === 0 ? 0 : 8;
  return { ...entry, method, crc: crc32(data), compressed: method === 0 ? data : deflateSync(data, { level: 6 }), size: data.length };
}

/** Excel writes 1980-01-01 00:00 as every entry's time; so do we, so that equal writes give equal bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The zip of these entries, in this order, names and compressed bytes as they are. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const size = entries.reduce((sum, entry) => sum + 30 + 46 + 2 * entry.rawName.length + entry.compressed.length, 22);
  if (size > 0xffffffff || entries.length > 0xffff) throw new Error('the workbook would be larger than a zip without Zip64 can hold');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  /** A local header, or a central one when `localOffset` is given. */
  const header = (entry: ZipEntry, localOffset?: number) => {
    const central = localOffset !== undefined;
    view.setUint32(at, central ? CENTRAL_HEADER : LOCAL_HEADER, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: MS-DOS, version 2.0
      at += 2;
    }
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, entry.flags & ~DATA_DESCRIPTOR_FLAG, true);
    view.setUint16(at + 4, entry.method, true);
    view.setUint16(at + 6, 0, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, entry.crc, true);
    view.setUint32(at + 14, entry.compressed.length, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, entry.rawName.length, true);
    at += 26; // the extra field's length stays 0
    if (central) {
      at += 10; // comment length, disk, internal and external attributes: all 0
      view.setUint32(at, localOffset, true);
      at += 4;
    }
    out.set(entry.rawName, at);
    at += entry.rawName.length;
  };
  const offsets = entries.map((entry) => {
    const offset = at;
    header(entry);
    out.set(entry.compressed, at);
    at += entry.compressed.length;
    return offset;
  });
  const directory = at;
  entries.forEach((entry, i) => header(entry, offsets[i]));
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
