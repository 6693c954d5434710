/** Every field name in a document, at any depth (array items included): what a stored-document check scans. */
export const fieldNames = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(fieldNames)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => [key, ...fieldNames(inner)])
      : [];

/** Names MongoDB-based stores refuse or read as paths: a dot anywhere, or a leading $. */
export const unsafeFieldNames = (value: unknown): string[] => fieldNames(value).filter((name) => name.includes('.') || name.startsWith('$'));
