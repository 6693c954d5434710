import * as files from '@shared/contracts/files.contract';
import { usePagedAction } from './usePagedAction';
import { useReadySession } from './useSession';
import { useWrite } from './useWrite';

export type GrantView = files.GrantViewT;
export type FileView = files.FileViewT;
export type KeptFile = files.KeptFileT;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** P1: requests to read files, the newest first (the desk's own; every one for the supervisor and the manager). */
export const useFileGrants = () => usePagedAction(files.grants, useScope());

/** P1: the access log, the newest read first. */
export const useFileLog = () => usePagedAction(files.log, useScope());

type Writes = typeof files.ask | typeof files.decide | typeof files.revoke | typeof files.read | typeof files.inspect | typeof files.keep | typeof files.contact;

/** A write of the files area: the refusal shown beside the form (no grant, or it ran out). */
export const useFileWrite = () => useWrite<Writes>();
