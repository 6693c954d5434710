/**
 * The reminders run's steps of complaints and of imports, as the supervisor knows them (their declarations
 * name them). A file of their own: the declarations ride in the weapp main package, and an area's catalogue
 * file imported there would bring its refusals with it.
 */
export const complaintSteps = { complaintUpgrade: '投诉满月升级', registers: '投诉登记表签署提醒', groups: '群体投诉逐户结案' } as const;
export const importSteps = { imports: '房屋导入续写' } as const;
