/**
 * What a browser has and jsdom lacks, for code that runs in the pane: TextEncoder/TextDecoder (the
 * .xlsx reader) and Blob.arrayBuffer (reading a chosen file). Import it before the code under test.
 */

import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

const scope = globalThis as Record<string, unknown>;
scope.TextDecoder ??= NodeTextDecoder;
scope.TextEncoder ??= NodeTextEncoder;

if (typeof Blob !== 'undefined' && !Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
