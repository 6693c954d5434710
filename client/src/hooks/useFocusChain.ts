import { useState } from 'react';

/**
 * In the browser React puts the focus back where it was after each render, so a field is focused
 * there directly, not through its `focus` prop. A box is focused once the Enter that moved there is
 * over, or the key would also start a new line in it.
 */
const focusIn = (className: string) => {
  const field = document.querySelector<HTMLElement>(`.${className} input, .${className} textarea`);
  if (field instanceof HTMLTextAreaElement) setTimeout(() => field.focus(), 0);
  else field?.focus();
};

/**
 * The keyboard's way through a form on the desk's PC: Enter in one line moves to the next field in
 * `order` (found by `classOf`), and Enter in the last one sends. Tab and the mouse still work; the
 * field the person puts the cursor in is the one Enter moves on from. Spread `chain(field)` onto it.
 */
export const useFocusChain = <K extends string>(order: readonly K[], classOf: (field: K) => string, onLast: () => void) => {
  const [focused, setFocused] = useState<K | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';
  return (field: K) => ({
    focus: h5 ? undefined : focused === field,
    onFocus: h5 ? undefined : () => setFocused(field),
    onConfirm: () => {
      const next = order[order.indexOf(field) + 1];
      if (!next) onLast();
      else if (h5) focusIn(classOf(next));
      else setFocused(next);
    },
  });
};
