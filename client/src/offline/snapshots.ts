import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import { RepairView } from '@shared/contracts/repairs.contract';
import { FeeItem } from '@shared/model/settings.model';

/**
 * What the technician last saw, kept on the phone so an order opens, and can be worked on, in a
 * basement: the order with what its commands need (property, upload folder), and the fee schedule.
 */
const SavedOrder = z.object({ view: RepairView, propertyId: z.string(), uploadPrefix: z.string() });
export type SavedOrder = z.infer<typeof SavedOrder>;
const SavedFees = z.array(FeeItem);

const orderKey = (repairId: string) => `onsite.order.${repairId}`;
const feesKey = (propertyId: string) => `onsite.fees.${propertyId}`;

export const loadOrder = (repairId: string): SavedOrder | null => {
  const saved = SavedOrder.safeParse(Taro.getStorageSync(orderKey(repairId)));
  return saved.success ? saved.data : null;
};

/** Keeps the newer of what is saved and what arrived (by version). */
export const saveOrder = (order: { view: RepairView; propertyId: string; uploadPrefix: string }) => {
  const saved = loadOrder(order.view.id);
  if (saved && saved.view.version > order.view.version) return;
  Taro.setStorageSync(orderKey(order.view.id), SavedOrder.parse(order));
};

/** Of the server's answer and what the phone saved (an acknowledged step saves the order it answered), the later version. */
export const newerOf = (a: RepairView | null, b: RepairView | null): RepairView | null => {
  if (!a || !b) return a ?? b;
  return b.version > a.version ? b : a;
};

/** The order after the server took a command: the rest of what is saved stays. */
export const saveOrderView = (view: RepairView) => {
  const saved = loadOrder(view.id);
  if (saved) saveOrder({ ...saved, view });
};

export const loadFees = (propertyId: string): z.infer<typeof SavedFees> => {
  const saved = SavedFees.safeParse(Taro.getStorageSync(feesKey(propertyId)));
  return saved.success ? saved.data : [];
};

export const saveFees = (propertyId: string, items: z.infer<typeof SavedFees>) => Taro.setStorageSync(feesKey(propertyId), items);

const LIST_KEY = 'onsite.orders';

/** The day plan's order ids, so the list opens offline too (one technician per phone). */
export const saveOrderList = (repairIds: readonly string[]) => Taro.setStorageSync(LIST_KEY, [...repairIds]);

export const loadOrderList = (): SavedOrder[] => {
  const ids = z.array(z.string()).safeParse(Taro.getStorageSync(LIST_KEY));
  return ids.success ? ids.data.map(loadOrder).filter((o): o is SavedOrder => o !== null) : [];
};
