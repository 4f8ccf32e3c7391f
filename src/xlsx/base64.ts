/**
 * Base64 for workbook bytes: `Workbook.insertWorksheetsFromBase64` takes the file as a base64 string.
 * `btoa` and `atob` work on "binary strings", so the bytes go through one in chunks (a spread of a
 * whole 5 MB array would overflow the call stack).
 */

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Throws (a DOMException named InvalidCharacterError) when the text is not base64. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
