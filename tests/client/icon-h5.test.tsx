import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import Articles from '@nutui/icons-react-taro/dist/es/icons/Articles.js';
import Complaint from '@nutui/icons-react-taro/dist/es/icons/Complaint.js';
import Phone from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
import Icon from '../../client/src/components/Icon/index.h5';
import KitIcon from '../../client/src/components/Icon/index';

const markup = (element: ReactElement) => {
  const view = render(element);
  const html = view.container.innerHTML;
  view.unmount();
  return html;
};

/**
 * Issue 16 (H5): the H5 build's Icon draws the kit icon's `<i>` itself (one fiber less than the kit's two components);
 * the markup is the kit's own, as the kit draws it in a browser (TARO_ENV h5, tests/client/setup/globals.ts).
 */
describe('issue 16: an icon in the H5 build is the kit\'s markup without its components', () => {
  it.each([
    ['Phone', Phone],
    ['Complaint', Complaint],
    ['Articles', Articles],
  ])('%s: the same <i>, class and mask, with and without a class of its own', (_name, drawn) => {
    expect(markup(<Icon of={drawn} />)).toBe(markup(<KitIcon of={drawn} />));
    expect(markup(<Icon of={drawn} className='work-icon-urgent' />)).toBe(markup(<KitIcon of={drawn} className='work-icon-urgent' />));
    expect(markup(<Icon of={drawn} />)).toMatch(/^<i class=" nut-icon nut-icon-\w+ app-icon " style="background-color: currentColor; mask: url\('data:image\/svg\+xml;base64,/);
  });
});
