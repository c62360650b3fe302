import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportFilename, filenameFromDisposition, saveBlob } from './download';

describe('filenameFromDisposition', () => {
  it('reads plain, quoted and RFC 5987 file names', () => {
    expect(filenameFromDisposition('attachment; filename="scholen.csv"')).toBe('scholen.csv');
    expect(filenameFromDisposition('attachment; filename=scholen.xlsx')).toBe('scholen.xlsx');
    expect(filenameFromDisposition('attachment; filename*=UTF-8\'\'gemeenten%20NH.csv; filename="x.csv"')).toBe(
      'gemeenten NH.csv',
    );
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition('inline')).toBeNull();
  });
});

describe('exportFilename', () => {
  const day = new Date(2026, 8, 15, 10, 30);

  it('adds the date to the server name', () => {
    expect(exportFilename('scholen', 'csv', day, 'attachment; filename="scholen.csv"')).toBe('scholen-2026-09-15.csv');
  });

  it('falls back to the resource, with the extension of the format', () => {
    expect(exportFilename('schoolbesturen', 'xlsx', day)).toBe('schoolbesturen-2026-09-15.xlsx');
  });

  it('keeps only safe characters', () => {
    expect(exportFilename('x', 'csv', day, 'attachment; filename="../Scholen Zuid/é.csv"')).toBe(
      'Scholen-Zuid-e-2026-09-15.csv',
    );
    expect(exportFilename('', 'csv', day, 'attachment; filename="///"')).toBe('export-2026-09-15.csv');
  });
});

describe('saveBlob', () => {
  afterEach(() => vi.useRealTimers());

  it('clicks a temporary link to the blob and releases it afterwards', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const blob = new Blob(['id;naam\r\n'], { type: 'text/csv' });
    saveBlob(blob, 'scholen-2026-09-15.csv', {
      createObjectURL: (b) => {
        expect(b).toBe(blob);
        calls.push('create');
        return 'blob:koers/1';
      },
      click: (href, name) => calls.push(`click ${href} ${name}`),
      revokeObjectURL: (url) => calls.push(`revoke ${url}`),
    });
    expect(calls).toEqual(['create', 'click blob:koers/1 scholen-2026-09-15.csv']);
    vi.runAllTimers();
    expect(calls.at(-1)).toBe('revoke blob:koers/1');
  });
});
