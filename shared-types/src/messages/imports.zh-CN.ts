/** The reminders run's step of imports, as the supervisor knows it (its declaration names it). */
export const importSteps = { imports: '房屋导入续写' } as const;
