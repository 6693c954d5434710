/**
 * A form's own message for each of its fields that a rejected call names ("preferredTime.date"
 * names preferredTime); null when the call names none of them.
 */
export function fieldErrorsOf<F extends string>(
  paths: readonly string[] | undefined,
  messages: Readonly<Record<F, string>>,
): Partial<Record<F, string>> | null {
  const named = (paths ?? [])
    .map((path) => path.split('.')[0])
    .filter((root): root is F => Boolean(root) && (root as string) in messages);
  if (named.length === 0) return null;
  return Object.fromEntries(named.map((field) => [field, messages[field]])) as Partial<Record<F, string>>;
}
