import { areas, type AreaTimerStep } from '@shared/areas';
import type { TimerStep } from '@shared/model/environment.model';
import { supervisorUi } from '../i18n/supervisor.zh-CN';

type OwnStep = keyof typeof supervisorUi.health.steps;

const areaSteps = Object.fromEntries(areas.flatMap((a) => Object.entries(a.timerSteps))) as Record<AreaTimerStep, string>;

const isOwn = (step: TimerStep): step is OwnStep => step in supervisorUi.health.steps;

/** What the supervisor calls a step of the reminders run: the timer's own words, or its area's declaration's. */
export const stepLabel = (step: TimerStep): string => (isOwn(step) ? supervisorUi.health.steps[step] : areaSteps[step]);
