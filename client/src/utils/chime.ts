import Taro from '@tarojs/taro';
import { platform } from '../api/platform';

/** A 0.3 s two-note beep as an 8 kHz, 8-bit mono WAV: made here, so no audio file ships. */
const beepWav = (): ArrayBuffer => {
  const rate = 8000;
  const samples = Math.floor(rate * 0.3);
  const buffer = new ArrayBuffer(44 + samples);
  const view = new DataView(buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) {
    const hz = i < samples / 2 ? 880 : 1320;
    const fade = Math.min(1, (samples - i) / 400);
    view.setUint8(44 + i, 128 + Math.round(90 * fade * Math.sin((2 * Math.PI * hz * i) / rate)));
  }
  return buffer;
};

let player: Promise<Taro.InnerAudioContext | null> | null = null;

const load = () =>
  (player ??= platform
    .audioSource(beepWav())
    .then((src) => {
      const ctx = Taro.createInnerAudioContext();
      ctx.src = src;
      ctx.onError(() => undefined);
      return ctx;
    })
    .catch(() => null));

/**
 * The desk's alert for a new urgent repair. Browsers may refuse sound before the first tap and
 * phones may be muted: either way it stays silent rather than failing. Replaceable in tests.
 */
export const chime = {
  play: () => {
    void load().then((ctx) => {
      if (!ctx) return;
      ctx.stop();
      const started: unknown = ctx.play();
      if (started instanceof Promise) started.catch(() => undefined);
    });
  },
};
