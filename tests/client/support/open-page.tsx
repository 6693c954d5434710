import { fireEvent, render } from '@testing-library/react';
import { fakeBackend, settle } from './fake-backend';

type Handler = (input: Record<string, unknown>) => unknown;

/** A page rendered against the fake backend, with taps and typing that wait for Taro to settle. */
export const openPage = (element: JSX.Element, handlers: Record<string, Handler>) => {
  const backend = fakeBackend(handlers);
  const view = render(element);
  const $ = (selector: string) => view.container.querySelector(selector);
  const tap = async (selector: string) => {
    const el = $(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    fireEvent.click(el);
    await settle();
  };
  const typeInto = async (selector: string, text: string) => {
    fireEvent.input($(selector) as Element, { target: { value: text } });
    await settle(10);
  };
  return { ...view, backend, $, tap, typeInto };
};
