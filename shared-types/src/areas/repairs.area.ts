import { defineArea } from './area';

export const repairsArea = defineArea({ name: 'repairs', contracts: ['repairs'], notices: {}, timerSteps: {}, pages: [] });
