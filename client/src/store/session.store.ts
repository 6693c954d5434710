import Taro from '@tarojs/taro';
import type * as z from 'zod/mini';
import * as session from '@shared/contracts/session.contract';
import { commonErrors } from '@shared/messages/common.zh-CN';
import { call, type CallFailure } from '../api';

export type Membership = z.infer<typeof session.Membership>;
export type SessionContext = z.output<typeof session.context.output>;

export type SessionState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'no-membership'; message: string }
  | { status: 'choose'; memberships: Membership[] }
  | { status: 'ready'; context: SessionContext }
  | { status: 'error'; code: string; message: string };

const PROPERTY_KEY = 'propertyId';
/** The last context the server gave, so the app still opens in a basement with no signal. */
const LAST_SESSION_KEY = 'lastSession';

const lastSession = (): SessionContext | null => {
  const parsed = session.context.output.safeParse(Taro.getStorageSync(LAST_SESSION_KEY));
  return parsed.success ? parsed.data : null;
};

/** No network: carry on as whoever was signed in last, if anyone was; the server decides again once online. */
const offline = (res: CallFailure, propertyId?: string) => {
  const last = res.code === 'COMMON.BUSY' ? lastSession() : null;
  if (last && (!propertyId || last.property.propertyId === propertyId)) {
    set({ status: 'ready', context: last });
    return true;
  }
  return false;
};

let state: SessionState = { status: 'idle' };
const listeners = new Set<() => void>();

const set = (next: SessionState) => {
  state = next;
  listeners.forEach((l) => l());
};

export const sessionStore = {
  get: (): SessionState => state,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

const fail = (res: CallFailure) =>
  set(res.code === 'COMMON.NOT_A_MEMBER' ? { status: 'no-membership', message: res.message } : { status: 'error', code: res.code, message: res.message });

/** The property the person entered last on this device, if any. */
export const rememberedProperty = (): string | null => {
  const remembered: unknown = Taro.getStorageSync(PROPERTY_KEY);
  return typeof remembered === 'string' && remembered !== '' ? remembered : null;
};

const ready = (propertyId: string, context: SessionContext) => {
  Taro.setStorageSync(PROPERTY_KEY, propertyId);
  Taro.setStorageSync(LAST_SESSION_KEY, context);
  set({ status: 'ready', context });
};

const enter = async (propertyId: string) => {
  set({ status: 'loading' });
  const res = await call(session.context, { propertyId });
  if (!res.ok) return offline(res, propertyId) || fail(res);
  ready(propertyId, res.data);
};

/**
 * Who the caller is: their properties, then the chosen one's context (most people have one). Issue 16:
 * with a property remembered, its context is asked for at once, one call instead of two: the function
 * answers it only to a member there, and its answer lists every membership, as `me` would. Refused
 * there (no longer a member, say), the caller's properties are asked for as before.
 */
export const loadSession = async () => {
  set({ status: 'loading' });
  const remembered = rememberedProperty();
  if (remembered) {
    const entered = await call(session.context, { propertyId: remembered });
    if (entered.ok) return ready(remembered, entered.data);
    if (entered.code === 'COMMON.BUSY') return offline(entered, remembered) || fail(entered);
  }
  const res = await call(session.me, {});
  if (!res.ok) return offline(res) || fail(res);
  const { memberships } = res.data;
  const only = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.propertyId === remembered);
  if (only) return enter(only.propertyId);
  if (memberships.length === 0) return set({ status: 'no-membership', message: commonErrors['COMMON.NOT_A_MEMBER'] });
  set({ status: 'choose', memberships });
};

export const chooseProperty = (propertyId: string) => enter(propertyId);

/**
 * Issue 14 (2): back to the choice of property, from the one the person is in (the landing page
 * shows it). The last one used is remembered until another is chosen.
 */
export const switchProperty = () => {
  if (state.status !== 'ready') return;
  const memberships = state.context.memberships ?? [];
  if (memberships.length > 1) set({ status: 'choose', memberships });
};

/** Loads once; later callers share the same state. */
export const ensureSession = () => {
  if (state.status === 'idle') void loadSession();
};

/** Issue 5: the sends left after the person answered a consent prompt, kept with the session. */
export const updateSubscribeStock = (propertyId: string, stock: session.SubscribeStockView) => {
  if (state.status !== 'ready' || state.context.property.propertyId !== propertyId) return;
  const context = { ...state.context, subscribe: stock };
  Taro.setStorageSync(LAST_SESSION_KEY, context);
  set({ status: 'ready', context });
};

/** After switching user (local sign-in) or on a test's start. */
export const resetSession = () => set({ status: 'idle' });
