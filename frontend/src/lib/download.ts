export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file name the server proposes in `Content-Disposition`, if any (RFC 6266, incl. filename*). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain?.[2] ?? plain?.[1];
  return name ? name.trim() : null;
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The name of a downloaded export: the server's name (or the resource) with the date of today,
 * e.g. `scholen-2026-09-15.csv`, so a second export of the same day does not look like the first
 * one of another day. Only safe characters are kept.
 */
export function exportFilename(
  resource: string,
  format: ExportFormat,
  date: Date,
  disposition: string | null = null,
): string {
  const proposed = filenameFromDisposition(disposition);
  const base = (proposed ?? resource).replace(/\.(csv|xlsx)$/i, '');
  const safe = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${safe || 'export'}-${isoDate(date)}.${format}`;
}

export interface DownloadDeps {
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  click: (href: string, filename: string) => void;
}

const browserDeps = (): DownloadDeps => ({
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  click: (href, filename) => {
    const a = document.createElement('a');
    a.href = href;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
  },
});

/** Saves a blob as a file through a temporary link (the export is fetched with the bearer token). */
export function saveBlob(blob: Blob, filename: string, deps: DownloadDeps = browserDeps()): void {
  const url = deps.createObjectURL(blob);
  try {
    deps.click(url, filename);
  } finally {
    // Give the browser a moment to start the download before the URL is released.
    setTimeout(() => deps.revokeObjectURL(url), 1000);
  }
}
