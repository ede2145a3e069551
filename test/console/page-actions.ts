/**
 * What a user does with the console that playwright has no single call for, shared by the browser tests.
 */
import type { Page } from 'playwright-core';

// The functions passed to page.evaluate run inside chromium; the test program is type-checked without the
// DOM lib (see tsconfig.json), so the page's globals are declared here, for this file only.
declare const DataTransfer: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Drops `bytes` as a file named `name` on the page's drop zone, as a user dragging it from a file manager. */
export async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(({ name, data }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'application/gzip' }));
    return dt;
  }, { name, data: bytes.toString('base64') });
  await page.dispatchEvent('#drop-zone', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
}
