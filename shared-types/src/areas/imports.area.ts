import { defineArea } from './area';

export const importsArea = defineArea({ name: 'imports', contracts: ['imports'], notices: {}, timerSteps: {}, pages: [] });
