/**
 * Which time an offline action counts at. The device's clock is believed only when it lies between
 * the order's last change the server saw and the moment the server received the action; otherwise
 * (a wrong or tampered clock) the server's time is used.
 */
export const effectiveTime = (deviceAt: string | null | undefined, lastServerChangeAt: string, receivedAt: Date): Date => {
  if (!deviceAt) return receivedAt;
  const device = new Date(deviceAt);
  if (Number.isNaN(device.getTime())) return receivedAt;
  return device >= new Date(lastServerChangeAt) && device <= receivedAt ? device : receivedAt;
};
