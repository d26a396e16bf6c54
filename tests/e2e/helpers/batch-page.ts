/** The batch form and the gallery's batch tools in the words a person uses. */
import { expect, type Download, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs/promises';

export function batchForm(page: Page) {
  return page.getByRole('form', { name: 'Batch of videos' });
}

/** `base`: a spec's own server; the configured one when empty. */
export async function openBatchForm(page: Page, base = ''): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('group', { name: 'What to make' }).getByRole('button', { name: 'Batch' }).click();
  await expect(batchForm(page)).toBeVisible();
}

export async function chooseBatchImages(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await batchForm(page).getByRole('button', { name: 'Choose images' }).click();
  await (await chooser).setFiles(files);
  const items = batchForm(page).getByTestId('batch-image');
  await expect(items).toHaveCount(files.length);
  for (const item of await items.all()) await expect(item).toHaveAttribute('data-state', 'ready');
}

/** A variant's checkbox, e.g. ('Pro', '6 s · 768P'). */
export function variantBox(page: Page, mode: 'Standard' | 'Pro', label: string) {
  return batchForm(page)
    .getByRole('group', { name: mode })
    .getByRole('checkbox', { name: new RegExp(`^${label}`) });
}

/** Saves a download and unpacks it: every file in the ZIP by name. */
export async function unzipDownload(download: Download): Promise<Record<string, Uint8Array>> {
  const bytes = await fs.readFile(await download.path());
  return unzipSync(new Uint8Array(bytes));
}

export const isMp4 = (bytes: Uint8Array) => strFromU8(bytes.subarray(4, 8)) === 'ftyp';

/** Waits until no CSS transition is running (after a change of colour scheme), so axe reads the final colours. */
export async function transitionsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)));
}
