import { areas, type AreaTimerStep } from '@shared/areas';
import { messages } from '@shared/messages';
import type { TimerStep } from '@shared/model/environment.model';
import { ui } from '../i18n/ui.zh-CN';

type OwnStep = keyof typeof ui.health.steps;

const areaSteps = Object.fromEntries(areas.flatMap((a) => Object.entries(a.timerSteps).map(([step, words]) => [step, words(messages)]))) as Record<AreaTimerStep, string>;

const isOwn = (step: TimerStep): step is OwnStep => step in ui.health.steps;

/** What the supervisor calls a step of the reminders run: the timer's own words, or its area's declaration's. */
export const stepLabel = (step: TimerStep): string => (isOwn(step) ? ui.health.steps[step] : areaSteps[step]);
