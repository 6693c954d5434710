/** What a key means on a desk form (issue 17, 2): the same for the browser and PC WeChat. */
export type KeyIntent = 'submit' | 'cancel' | 'press' | 'next' | 'previous' | null;

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Where the key was pressed. */
export type KeyTarget = 'control' | 'text-line' | 'own-enter' | 'text-box' | 'page';

/**
 * Enter sends the form, except on a control (it presses it), in a field whose Enter does its own
 * work (the resident search), and in a text box, where it starts a new line (Ctrl+Enter sends).
 * Space presses a control. Esc cancels. Tab moves, for the ring PC WeChat needs (see useFormKeys).
 */
export const keyIntent = (press: KeyPress, target: KeyTarget): KeyIntent => {
  if (press.key === 'Escape') return 'cancel';
  if (press.key === 'Tab') return press.shiftKey ? 'previous' : 'next';
  if (press.key === ' ' || press.key === 'Spacebar') return target === 'control' ? 'press' : null;
  if (press.key !== 'Enter') return null;
  if (target === 'control') return 'press';
  if (target === 'own-enter') return null;
  if (target === 'text-box') return press.ctrlKey || press.metaKey ? 'submit' : null;
  return 'submit';
};
