import { defineArea } from './area';

export const callbacksArea = defineArea({ name: 'callbacks', contracts: ['callbacks'], notices: {}, timerSteps: {}, pages: [], parts: { 'callbacks-complaints': ['raiseComplaint'] } });
