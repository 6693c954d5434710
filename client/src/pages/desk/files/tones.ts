import type { Tone } from '../../../components/StatusTag/tones';
import type { GrantView } from '../../../hooks/useFiles';

/** P1: a request waits for the supervisor, a grant lets the desk read, a refusal, a revoked and a lapsed grant do not. */
export const grantTones = { requested: 'waiting', granted: 'done', refused: 'alert', revoked: 'alert', expired: 'closed' } as const satisfies Record<GrantView['status'], Tone>;
