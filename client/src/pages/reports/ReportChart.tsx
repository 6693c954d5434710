import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import UCharts from '@qiun/ucharts';
import { axisOf } from './charts';

export interface ChartData {
  /** What the figures are: the value axis reads 0-100 % or in whole counts (charts.ts, axisOf). */
  scale: 'percent' | 'count';
  categories: string[];
  series: { name: string; data: number[] }[];
}

interface Props {
  id: string;
  /** What the chart shows, for screen readers (the figures are also in the table beside it). */
  label: string;
  data: ChartData;
  /** Bars across (many categories with long names) or columns up. */
  type?: 'column' | 'bar';
  height?: number;
}

/** This period in the theme's green (--color-primary), the last in grey, then --color-info and --color-warning: a canvas takes no CSS variables. */
const SERIES_COLORS = ['#067d3f', '#b2b2b2', '#1760bd', '#a34f00'];

interface CanvasNode {
  width: number;
  height: number;
  getContext: (kind: '2d') => unknown;
}

/**
 * H5: our own <canvas> (rendered below instead of Taro's element, whose every render resets its inner
 * canvas's size and so wipes what was drawn: taro-canvas-core's componentDidRender).
 */
const domCanvasOf = (id: string) => {
  const canvas = typeof document === 'undefined' ? null : (document.getElementById(id) as (CanvasNode & HTMLElement) | null);
  const box = canvas?.getBoundingClientRect();
  return canvas && box?.width ? { node: canvas, width: box.width, height: box.height } : null;
};

const H5 = process.env.TARO_ENV === 'h5';

/** The canvas node and its laid-out size: in weapp a 2d canvas's node; in H5 our own <canvas>. */
const canvasOf = (id: string) =>
  new Promise<{ node: CanvasNode; width: number; height: number } | null>((resolve) => {
    if (H5) return resolve(domCanvasOf(id));
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode; width?: number; height?: number }[]) => {
        const found = res?.[0];
        resolve(found?.node?.getContext && found.width ? { node: found.node, width: found.width, height: found.height ?? 0 } : null);
      });
  });

/**
 * A uCharts chart on a `type="2d"` canvas, drawn the same way in weapp and H5
 * (https://developers.weixin.qq.com/miniprogram/dev/component/canvas.html, Canvas 2D): the canvas's
 * width and height are set in device pixels (its laid-out size times the pixel ratio) so it stays
 * sharp, and that scale is given to uCharts once, as its `pixelRatio`, which multiplies every font
 * size, padding and line width it draws (u-charts.js, `opts.pix`), with width and height in device
 * pixels too. The context is never scaled as well: scaled twice, the chart would draw at twice its size.
 * The chart is drawn again whenever the window changes size (a phone turned, a browser window
 * narrowed): a canvas keeps the pixels it was drawn with, so drawn for one width and shown at
 * another its text shrinks or grows with it.
 */
export default function ReportChart({ id, label, data, type = 'column', height = 240 }: Props) {
  const key = JSON.stringify(data);
  useEffect(() => {
    let gone = false;
    const draw = async () => {
      const canvas = await canvasOf(id);
      if (!canvas || gone) return;
      const ratio = Taro.getWindowInfo().pixelRatio || 1;
      const axis = axisOf(data);
      const width = Math.round(canvas.width * ratio);
      const tall = Math.round(canvas.height * ratio);
      canvas.node.width = width;
      canvas.node.height = tall;
      new UCharts({
        type,
        context: canvas.node.getContext('2d'),
        width,
        height: tall,
        pixelRatio: ratio,
        categories: data.categories,
        series: data.series,
        animation: false,
        background: '#FFFFFF',
        color: SERIES_COLORS,
        // A bar's figure is written past its end (u-charts.js drawBarPointText): room on the right for 100 or 99.5.
        padding: [12, type === 'bar' ? 32 : 12, 4, 4],
        fontSize: 12,
        dataLabel: true,
        legend: { show: true, position: 'top', fontSize: 12 },
        // Columns read their figures up the y axis; bars (type 'bar') along the x axis, its labels on
        // its grid lines ('justify'; 'center' would put each between two lines).
        xAxis:
          type === 'bar'
            ? { fontSize: 12, gridType: 'dash', dashLength: 4 * ratio, boundaryGap: 'justify', ...axis }
            : { disableGrid: true, fontSize: 12 },
        yAxis: type === 'bar' ? { gridType: 'dash' } : { gridType: 'dash', splitNumber: axis.splitNumber, data: [{ min: axis.min, max: axis.max, tofix: 0 }] },
        extra: { column: { width: 14, seriesGap: 2 }, bar: { width: 12, seriesGap: 2 } },
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const resized = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void draw(), 100);
    };
    void Taro.nextTick(() => void draw());
    Taro.onWindowResize(resized);
    return () => {
      gone = true;
      clearTimeout(timer);
      Taro.offWindowResize(resized);
    };
  }, [id, key, type]);

  return (
    <View className='report-chart' aria-label={label} role='img'>
      {H5 ? <canvas id={id} className='report-canvas' style={{ height: `${height}px`, width: '100%', display: 'block' }} /> : <Canvas type='2d' id={id} canvasId={id} className='report-canvas' style={{ height: `${height}px` }} />}
    </View>
  );
}
