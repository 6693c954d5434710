import { fireEvent, render } from '@testing-library/react';
import * as forms from '@shared/contracts/forms.contract';
import PrintButton from '../../client/src/components/PrintButton';
import { openXlsx } from '../../client/src/utils/open-xlsx';
import { fakeBackend, settle, until } from './support/fake-backend';

jest.mock('../../client/src/utils/open-xlsx', () => ({ openXlsx: jest.fn(() => Promise.resolve(true)) }));

const NAME = '阳光花园值班日志-2026-11-23.xlsx';
/** An .xlsx is a zip: its bytes begin "PK\x03\x04". */
const BYTES = Buffer.from('PK\u0003\u0004 a form');

const print = async (answer: unknown) => {
  const backend = fakeBackend({ 'forms.dutyDay': () => ({ ok: true, data: answer }) });
  const view = render(<PrintButton id='print-duty-day' action={forms.dutyDay} input={{ propertyId: 'demo', date: '2026-11-23' }} />);
  fireEvent.click(view.container.querySelector('#print-duty-day') as Element);
  await until(() => backend.callsTo('forms.dutyDay').length === 1);
  await settle();
  return backend;
};

/**
 * Issue 16: 打印 asks for the form's bytes in the answer (no upload, no link: the reads' wait alone),
 * and still opens a form the function answered as a link (one too big for the answer).
 */
describe('issue 16: 打印 takes the form in the answer', () => {
  let blobs: Blob[];
  let clicked: HTMLAnchorElement[];
  let click: jest.SpyInstance;
  beforeEach(() => {
    blobs = [];
    clicked = [];
    Object.assign(URL, { createObjectURL: jest.fn((blob: Blob) => (blobs.push(blob), 'blob:form')), revokeObjectURL: jest.fn() });
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    jest.mocked(openXlsx).mockClear();
  });
  afterEach(() => click.mockRestore());

  it('asks deliver: inline, and hands the bytes it gets to the browser as a download under the form\'s name', async () => {
    const backend = await print({ fileName: NAME, base64: BYTES.toString('base64') });
    expect(backend.callsTo('forms.dutyDay').map((c) => c.input)).toEqual([{ propertyId: 'demo', date: '2026-11-23', deliver: 'inline' }]);
    expect(clicked.map((a) => [a.download, a.href])).toEqual([[NAME, 'blob:form']]);
    expect(blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await new Response(blobs[0]).arrayBuffer())).toEqual(BYTES);
    expect(openXlsx).not.toHaveBeenCalled();
  });

  it('a form answered as a link (too big for the answer) is opened by its link', async () => {
    const linked = { fileName: NAME, url: '/api/storage/file?path=x' };
    await print(linked);
    expect(openXlsx).toHaveBeenCalledWith(linked);
    expect(clicked).toEqual([]);
  });
});
