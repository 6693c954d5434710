import * as z from 'zod/mini';

/**
 * A cloud-storage file id a client sends (a photo, a signature, a spreadsheet it uploaded into its
 * own folder); the function checks it is the caller's own before it stores or reads it.
 */
export const FileId = z.string().check(z.minLength(1), z.maxLength(300));

/**
 * A file in a function's answer: a temporary URL the function issued for this caller, valid for a
 * few minutes; '' when the file cannot be shown (erased, missing). The function signs every field
 * an output declares with this schema, and no raw file id reaches a client
 * (cloudfunctions/_shared/file-links.ts).
 */
export const FileLink = z.string();
