import { defineArea } from './area';

export const complaintsArea = defineArea({ name: 'complaints', contracts: ['complaints'], notices: {}, timerSteps: {}, pages: [] });
