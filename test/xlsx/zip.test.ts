/** The zip container layer (zip.ts): Zip64 directories, CRC-32, and a write read back as it was. */
import { strFromU8, strToU8 } from 'fflate';
import { crc32, inflateEntry, readZip, replaceEntry, writeZip } from '../../src/xlsx/zip';

/** One stored entry whose central directory uses Zip64 fields, as writers of very large files do. */
function zip64Of(name: string, text: string): Uint8Array {
  const nameBytes = strToU8(name);
  const data = strToU8(text);
  const out = new Uint8Array(30 + nameBytes.length + data.length + 46 + nameBytes.length + 28 + 56 + 20 + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => (view.setUint16(at, value, true), (at += 2));
  const u32 = (value: number) => (view.setUint32(at, value, true), (at += 4));
  const u64 = (value: number) => (view.setBigUint64(at, BigInt(value), true), (at += 8));
  const bytes = (value: Uint8Array) => (out.set(value, at), (at += value.length));
  u32(0x04034b50); u16(45); u16(0); u16(0); u16(0); u16(0x21); u32(crc32(data)); u32(data.length); u32(data.length); u16(nameBytes.length); u16(0);
  bytes(nameBytes);
  bytes(data);
  const directory = at;
  u32(0x02014b50); u16(45); u16(45); u16(0); u16(0); u16(0); u16(0x21); u32(crc32(data)); u32(0xffffffff); u32(0xffffffff);
  u16(nameBytes.length); u16(28); u16(0); u16(0); u16(0); u32(0); u32(0xffffffff);
  bytes(nameBytes);
  u16(1); u16(24); u64(data.length); u64(data.length); u64(0);
  const record = at;
  u32(0x06064b50); u64(44); u16(45); u16(45); u32(0); u32(0); u64(1); u64(1); u64(record - directory); u64(directory);
  u32(0x07064b50); u32(0); u64(record); u32(1);
  u32(0x06054b50); u16(0); u16(0); u16(0xffff); u16(0xffff); u32(0xffffffff); u32(0xffffffff); u16(0);
  return out;
}

test('a Zip64 central directory is read', () => {
  const [entry] = readZip(zip64Of('xl/workbook.xml', '<workbook/>'));
  expect(entry.name).toBe('xl/workbook.xml');
  expect(strFromU8(inflateEntry(entry))).toBe('<workbook/>');
});

test('CRC-32 is the standard one', () => {
  expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
});

test('a written zip reads back with the same entries, a replaced one deflated anew', () => {
  const entries = readZip(zip64Of('a.xml', '<a/>'));
  const written = writeZip([...entries, replaceEntry({ ...entries[0], method: 8 }, strToU8('<b/>'))]);
  const read = readZip(written);
  expect(read.map((entry) => [entry.name, strFromU8(inflateEntry(entry))])).toEqual([['a.xml', '<a/>'], ['a.xml', '<b/>']]);
  expect(read.map((entry) => entry.method)).toEqual([0, 8]);
});

test('a broken container is refused with a reason', () => {
  expect(() => readZip(strToU8('PK not really a zip'))).toThrow('invalid zip data');
});
