/**
 * WeChat opens on the landing page, which starts the session itself; nothing is read ahead there, so
 * the main package carries none of `open-early.h5.ts`.
 */
export const openEarly = () => undefined;
