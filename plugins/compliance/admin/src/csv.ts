/** A table as a CSV download (UTF-8 with BOM, so spreadsheet software reads the Chinese). */
export const downloadCsv = (filename: string, headers: string[], rows: Array<Array<unknown>>) => {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csv = `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
};

/** Hands a file the page made or fetched to the browser as a download. */
export const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
