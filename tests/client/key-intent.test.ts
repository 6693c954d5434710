import { keyIntent, type KeyPress, type KeyTarget } from '../../client/src/keyboard/key-intent';

/** Issue 17 (2): what each key does on a desk form, wherever it was pressed (browser and PC WeChat alike). */
describe('keyIntent: the keyboard layer of desk forms', () => {
  it.each<[string, KeyPress, KeyTarget, ReturnType<typeof keyIntent>]>([
    ['Enter in a one-line field sends', { key: 'Enter' }, 'text-line', 'submit'],
    ['Enter on the page sends', { key: 'Enter' }, 'page', 'submit'],
    ['Enter on a chip presses it', { key: 'Enter' }, 'control', 'press'],
    ['Space on a chip presses it', { key: ' ' }, 'control', 'press'],
    ['Space in a field types a space', { key: ' ' }, 'text-line', null],
    ['Enter in the resident search searches, and sends nothing', { key: 'Enter' }, 'own-enter', null],
    ['Enter in a text box starts a new line', { key: 'Enter' }, 'text-box', null],
    ['Ctrl+Enter in a text box sends', { key: 'Enter', ctrlKey: true }, 'text-box', 'submit'],
    ['Cmd+Enter in a text box sends', { key: 'Enter', metaKey: true }, 'text-box', 'submit'],
    ['Esc cancels anywhere', { key: 'Escape' }, 'text-box', 'cancel'],
    ['Tab moves on', { key: 'Tab' }, 'page', 'next'],
    ['Shift+Tab moves back', { key: 'Tab', shiftKey: true }, 'control', 'previous'],
    ['a letter does nothing', { key: 'a' }, 'page', null],
  ])('%s', (_name, press, target, intent) => {
    expect(keyIntent(press, target)).toBe(intent);
  });
});
