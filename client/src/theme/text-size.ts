/**
 * Large text (issue 18, 1): the size a page's text is drawn at, from WeChat's font size and the in-app
 * 大字 choice, whichever is larger. Pure: the caller reads the platform and storage.
 *
 * WeChat gives the user's font size as `fontSizeScaleFactor` of `wx.getAppBaseInfo()` (base library
 * 2.20.1; https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getAppBaseInfo.html).
 * Sizes come in steps so one class per step sets every font variable (theme/theme.css), on WeChat and H5 alike.
 */
export const TEXT_CHOICES = ['standard', 'large', 'larger'] as const;
export type TextChoice = (typeof TEXT_CHOICES)[number];

const CHOICE_SCALE: Record<TextChoice, number> = { standard: 1, large: 1.5, larger: 2 };
/** The steps theme.css draws; a system factor between two is drawn at the nearer one, never above 2. */
export const SCALE_STEPS = [1, 1.25, 1.5, 1.75, 2] as const;
/** From this step on, rows of side-by-side things become one column with the icon above the label. */
const LARGE_FROM = 1.25;

const nearestStep = (factor: number) =>
  SCALE_STEPS.reduce((best, step) => (Math.abs(step - factor) < Math.abs(best - factor) ? step : best), SCALE_STEPS[0]);

export const textScale = (systemFactor: number | undefined, choice: TextChoice): number => {
  const system = systemFactor && Number.isFinite(systemFactor) && systemFactor > 0 ? systemFactor : 1;
  return nearestStep(Math.max(system, CHOICE_SCALE[choice]));
};

/** The page root's classes for a scale: `text-scale-150`, and `text-large` when rows must become one column. */
export const textScaleClass = (scale: number): string =>
  scale === 1 ? '' : `text-scale-${Math.round(scale * 100)}${scale >= LARGE_FROM ? ' text-large' : ''}`;

export const isTextChoice = (value: unknown): value is TextChoice => TEXT_CHOICES.includes(value as TextChoice);
