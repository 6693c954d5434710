import { defineArea } from './area';

export const sessionArea = defineArea({ name: 'session', contracts: ['session'], notices: {}, timerSteps: {}, pages: [] });
