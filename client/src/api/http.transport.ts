import { TransportError, type Transport } from './transport';
import { authHeader } from './local-auth';

const TIMEOUT_MS = 15_000;

/** H5: the local runtime's HTTP face of the same functions. */
export const httpTransport: Transport = async (fn, envelope) => {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let status: number;
  let text: string;
  try {
    const res = await fetch(`/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader() },
      body: JSON.stringify(envelope),
      signal: abort.signal,
    });
    status = res.status;
    text = await res.text();
  } catch (e) {
    throw new TransportError(e);
  } finally {
    clearTimeout(timer);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (status >= 500) throw new TransportError(e);
    return text;
  }
};
