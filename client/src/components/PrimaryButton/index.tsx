import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import { reachable } from '../../keyboard/reachable';

interface Props {
  id?: string;
  /** The button's own class, which tests and styles find it by. */
  className: string;
  /** Greyed while the step it started is under way. */
  busy: boolean;
  /** Greyed until the form is ready; it still answers a tap, to say what is missing. */
  disabled?: boolean;
  children: ReactNode;
  onClick: () => unknown;
}

/** The green action that finishes a card. */
export default function PrimaryButton({ id, className, busy, disabled = false, children, onClick }: Props) {
  return (
    <Button
      id={id}
      className={`btn btn-primary ${className}${disabled ? ' btn-disabled' : ''}${busy ? ' btn-busy' : ''}`}
      onClick={() => void onClick()}
      {...reachable()}
    >
      {children}
    </Button>
  );
}
