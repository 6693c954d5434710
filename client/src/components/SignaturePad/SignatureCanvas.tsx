import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Text, View } from '@tarojs/components';
import type { Stroke } from '@shared/domain/signature.rules';
import { drawStrokes, strokesToDataUrl } from './strokes-image';

type Point = { x: number; y: number };

interface Props {
  hint: string;
  redo: string;
  onStrokes: (strokes: Stroke[], image: () => string | null) => void;
}

/** H5: an HTML canvas; pointer events (finger, pen or mouse) become the same strokes as on WeChat. */
export default function SignatureCanvas({ hint, redo, onStrokes }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  const size = () => {
    const canvas = canvasRef.current;
    return { width: canvas?.clientWidth || 600, height: canvas?.clientHeight || 200 };
  };

  const redraw = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = size();
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawStrokes(ctx, strokes.current);
  };

  useEffect(redraw, []);

  const emit = () => {
    const copy = strokes.current.map((s) => s.map((p) => ({ ...p })));
    const { width, height } = size();
    onStrokes(copy, () => strokesToDataUrl(copy, width, height));
  };

  const pointOf = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: Math.round(e.clientX - rect.left), y: Math.round(e.clientY - rect.top) };
  };

  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    strokes.current.push([pointOf(e)]);
    setEmpty(false);
    redraw();
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    strokes.current[strokes.current.length - 1]?.push(pointOf(e));
    redraw();
  };

  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    emit();
  };

  const clear = () => {
    strokes.current = [];
    drawing.current = false;
    setEmpty(true);
    redraw();
    emit();
  };

  return (
    <View className='pad-box'>
      <canvas
        ref={canvasRef}
        className='pad'
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onPointerLeave={end}
      />
      {empty && <Text className='pad-hint'>{hint}</Text>}
      <View className='pad-clear btn-clear-signature' onClick={clear}>
        {redo}
      </View>
    </View>
  );
}
