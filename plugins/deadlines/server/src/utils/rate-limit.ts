/**
 * A fixed-window counter per client address, kept in this process. Enough to stop a script
 * flooding the public form; several instances each apply the limit on their own.
 */
export const createRateLimiter = ({ max, windowMs }: { max: number; windowMs: number }) => {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    /** Counts a hit and returns how many seconds to wait, or 0 when the hit is allowed. */
    hit(key: string, now = Date.now()): number {
      const current = windows.get(key);
      if (!current || now - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: now, count: 1 });
        if (windows.size > 10000) for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k);
        return 0;
      }
      current.count += 1;
      return current.count > max ? Math.ceil((current.startedAt + windowMs - now) / 1000) : 0;
    },
  };
};
