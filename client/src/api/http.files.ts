import type { DocumentKind, OfferedFile, PickedFile } from './platform.types';

const MIME: Record<DocumentKind, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The browser's file dialog, from an input that is there only while it is open; the file stays a blob: URL until it is uploaded. */
export const pickHttpFile = (extensions: readonly DocumentKind[]): Promise<PickedFile | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    const done = (file: PickedFile | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done(file ? { name: file.name, size: file.size, localPath: URL.createObjectURL(file) } : null);
    });
    document.body.appendChild(input);
    input.click();
  });

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

/** A download, as a link to the file clicked once. */
export const offerHttpFile = async (file: OfferedFile): Promise<boolean> => {
  try {
    const blob = new Blob(['text' in file ? file.text : bytesOf(file.base64)], { type: MIME[file.kind] });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
};
