/** The technician's order page; the day plan opens it. */
export const orderPage = (repairId: string) => `/pages/technician/order/index?id=${encodeURIComponent(repairId)}`;
