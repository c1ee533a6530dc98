import { useEffect, useRef, useState } from 'react';

/** One poll's answer: the thing followed (null when this answer does not show it yet), or that it is gone. */
export interface PollAnswer<T> {
  item: T | null;
  error: boolean;
  /** It no longer exists (deleted meanwhile): stop quietly. */
  gone: boolean;
}

export interface PollUntilDoneOptions<T> {
  /** The state the caller already has; shown until a poll answers. */
  start: T | null;
  /** Keys the polling: a new key starts over. Null follows nothing. */
  id: string | null;
  /** Poll at all (a run that was already over when it was handed in is not followed). */
  active: boolean;
  poll: () => Promise<PollAnswer<T>>;
  isDone: (item: T) => boolean;
  everyMs: number;
  /** The wait after a failed poll; `everyMs` unless given. */
  retryMs?: number;
  /** Give up (and say so through `gaveUp`) after this long; never, unless given. */
  limitMs?: number;
  /** Called once when the thing followed is done. */
  onFinished: () => void;
}

/**
 * Follows a job the user started (a sync run, a digest delivery) by polling until it is done: the latest
 * state, whether the last poll failed, and whether it was given up on.
 */
export function usePollUntilDone<T>(options: PollUntilDoneOptions<T>) {
  const { start, id, active } = options;
  const [item, setItem] = useState<T | null>(start);
  const [pollError, setPollError] = useState(false);
  const [gaveUp, setGaveUp] = useState(false);
  // The latest callbacks, without restarting the polling on every render.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    setItem(start);
    setPollError(false);
    setGaveUp(false);
    if (!id || !active) return;
    const { everyMs, retryMs = everyMs, limitMs } = latest.current;
    const until = limitMs === undefined ? Infinity : Date.now() + limitMs;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const answer = await latest.current.poll();
      if (stopped) return;
      setPollError(answer.error);
      if (answer.gone) return;
      if (answer.item) setItem(answer.item);
      if (answer.item && latest.current.isDone(answer.item)) {
        latest.current.onFinished();
        return;
      }
      if (Date.now() >= until) {
        setGaveUp(true);
        return;
      }
      timer = setTimeout(tick, answer.error ? retryMs : everyMs);
    };
    timer = setTimeout(tick, everyMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Keyed on what is followed: its later states come from the polling, not from `start`.
  }, [id, active]);

  return { item, pollError, gaveUp };
}
