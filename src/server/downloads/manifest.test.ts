import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '@/shared/batch-contract';
import { manifestCsv } from './manifest';

const entry = (overrides: Partial<ManifestEntry>): ManifestEntry => ({
  task_id: 'tsk_1',
  batch_id: 'bat_1',
  status: 'running',
  file: null,
  prompt: 'p',
  image: 'https://example.com/a.jpg',
  image_name: null,
  model: 'hailuo-2-3',
  mode: 'standard',
  duration: '6',
  resolution: '768P',
  price_credits: 30,
  charged_credits: 0,
  error: null,
  created_at: '2026-01-01T00:00:00.000Z',
  finished_at: null,
  ...overrides,
});

describe('manifestCsv', () => {
  it('quotes commas, quotes and line breaks, and leaves empty cells for nulls', () => {
    const csv = manifestCsv([entry({ prompt: 'Pan left, then "zoom"\nslowly' })]);
    const [, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(row).toBe(
      ',,tsk_1,bat_1,running,"Pan left, then ""zoom""\nslowly",standard,hailuo-2-3,6,768P,30,0,,https://example.com/a.jpg,2026-01-01T00:00:00.000Z,',
    );
  });

  it('defuses a prompt a spreadsheet would run as a formula', () => {
    const cases = [
      ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
      ['+1+1', "'+1+1"],
      ['-2', "'-2"],
      ['@SUM(A1)', "'@SUM(A1)"],
    ] as const;
    for (const [prompt, cell] of cases)
      expect(manifestCsv([entry({ prompt })])).toContain(`,running,${cell},standard,`);
  });

  it('gives the photo’s own name beside the file, defused like any text a person wrote', () => {
    const csv = manifestCsv([
      entry({ file: 'red-shoe-standard-6s-768p-tsk_1.mp4', image_name: '=red shoe, side.jpg' }),
    ]);
    expect(csv).toContain(`\r\nred-shoe-standard-6s-768p-tsk_1.mp4,"'=red shoe, side.jpg",tsk_1,`);
  });

  it('starts with a byte-order mark so accents survive a spreadsheet', () => {
    expect(manifestCsv([entry({ prompt: 'Crème brûlée' })]).startsWith('\uFEFFfile,image_name,task_id')).toBe(true);
  });
});
