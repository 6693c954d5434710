import Taro from '@tarojs/taro';
import type * as z from 'zod';
import * as session from '@shared/contracts/session.contract';
import { messages } from '@shared/messages';
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

const enter = async (propertyId: string) => {
  set({ status: 'loading' });
  const res = await call(session.context, { propertyId });
  if (!res.ok) return fail(res);
  Taro.setStorageSync(PROPERTY_KEY, propertyId);
  set({ status: 'ready', context: res.data });
};

/** Who the caller is: their properties, then the chosen one's context (most people have one). */
export const loadSession = async () => {
  set({ status: 'loading' });
  const res = await call(session.me, {});
  if (!res.ok) return fail(res);
  const { memberships } = res.data;
  const remembered: unknown = Taro.getStorageSync(PROPERTY_KEY);
  const only = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.propertyId === remembered);
  if (only) return enter(only.propertyId);
  if (memberships.length === 0) return set({ status: 'no-membership', message: messages.errors['COMMON.NOT_A_MEMBER'] });
  set({ status: 'choose', memberships });
};

export const chooseProperty = (propertyId: string) => enter(propertyId);

/** Loads once; later callers share the same state. */
export const ensureSession = () => {
  if (state.status === 'idle') void loadSession();
};

/** After switching user (local sign-in) or on a test's start. */
export const resetSession = () => set({ status: 'idle' });
