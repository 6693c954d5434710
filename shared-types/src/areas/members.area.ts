import { defineArea } from './area';

export const membersArea = defineArea({ name: 'members', contracts: ['members', 'company'], notices: { 'binding.joined': ['resident'] }, timerSteps: {}, pages: [] });
