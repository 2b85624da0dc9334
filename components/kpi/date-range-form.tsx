"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import {
  formatRangeQuery,
  lastDayOf,
  resolveRangeInput,
  type DayRange,
} from "@/lib/ui/date-range-params";

/** Wait after the last edit before loading a new range, so typing a year is one request. */
const APPLY_DELAY_MS = 500;

function isSameRange(a: DayRange, b: DayRange): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * Two date inputs for the first and last day shown, both inclusive. A valid
 * range replaces `from` and `to` (exclusive, the day after the last) in the URL.
 * Mount it with `key` set to the range so it resets when the URL changes.
 */
export function DateRangeForm({ range }: { range: DayRange }) {
  const router = useRouter();
  const pathname = usePathname();
  const messageId = useId();
  const [firstDay, setFirstDay] = useState(range.from);
  const [lastDay, setLastDay] = useState(lastDayOf(range));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const result = resolveRangeInput(firstDay, lastDay);
  const changed = result.ok && !isSameRange(result.range, range);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(next: DayRange): void {
    clearTimeout(timer.current);
    router.replace(`${pathname}?${formatRangeQuery(next)}`, { scroll: false });
  }

  function edit(nextFirstDay: string, nextLastDay: string): void {
    setFirstDay(nextFirstDay);
    setLastDay(nextLastDay);
    clearTimeout(timer.current);
    const next = resolveRangeInput(nextFirstDay, nextLastDay);
    if (next.ok && !isSameRange(next.range, range)) {
      timer.current = setTimeout(() => apply(next.range), APPLY_DELAY_MS);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (result.ok) apply(result.range);
  }

  return (
    <form className="range-form" onSubmit={handleSubmit} aria-label="Date range">
      <label className="field">
        <span>First day</span>
        <input
          type="date"
          name="first-day"
          value={firstDay}
          max={lastDay || undefined}
          onChange={(event) => edit(event.target.value, lastDay)}
          aria-describedby={messageId}
          aria-invalid={!result.ok}
        />
      </label>
      <label className="field">
        <span>Last day</span>
        <input
          type="date"
          name="last-day"
          value={lastDay}
          min={firstDay || undefined}
          onChange={(event) => edit(firstDay, event.target.value)}
          aria-describedby={messageId}
          aria-invalid={!result.ok}
        />
      </label>
      <button type="submit" className="button" disabled={!changed}>
        Apply
      </button>
      <p id={messageId} className={result.ok ? "sr-only" : "field-error"} aria-live="polite">
        {result.ok ? "Both days are included." : result.message}
      </p>
    </form>
  );
}
