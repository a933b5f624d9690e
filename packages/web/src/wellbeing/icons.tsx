import type { WellbeingIcon } from '@samsyn/core';

// Simple line drawings, 24×24: decoration beside the area's words, hidden from screen readers.
const paths: Record<WellbeingIcon, string> = {
  shield: 'M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6z',
  heart: 'M12 20s-7-4.4-7-10a4 4 0 017-2.6A4 4 0 0119 10c0 5.6-7 10-7 10z',
  sprout: 'M12 21v-9M12 12c0-4 3-6 7-6 0 4-3 6-7 6zM12 14c0-3-2.5-5-6-5 0 3 2.5 5 6 5z',
  home: 'M4 11l8-7 8 7M6 9.5V20h12V9.5M10 20v-5h4v5',
  ball: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 7l3.5 2.5-1.3 4h-4.4l-1.3-4zM3.5 10l5 -.5M20.5 10l-5-.5M9.8 13.5L7 18M14.2 13.5L17 18',
  hand: 'M8 13V6a1.5 1.5 0 013 0v5M11 11V4.5a1.5 1.5 0 013 0V11M14 11V6a1.5 1.5 0 013 0v7c0 4-2.5 7-6 7s-5-2-6.5-4.5L3 12.5a1.5 1.5 0 012.5-1.5L8 13',
  compass: 'M12 3a9 9 0 100 18 9 9 0 000-18zM15.5 8.5l-2 5-5 2 2-5z',
  people: 'M9 11a3 3 0 100-6 3 3 0 000 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 11a2.5 2.5 0 100-5M18 20c0-2.6-1-4.6-3-5.6',
};

export function AreaIcon({ icon, size = 32 }: { icon: WellbeingIcon; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[icon]} />
    </svg>
  );
}

/**
 * A face for a point of the scale, from sad (0) to happy (1): drawn, so it looks the same on every
 * device; hidden from screen readers, which read the words beside it.
 */
export function Face({ mood, size = 30 }: { mood: number; size?: number }) {
  const bend = (mood - 0.5) * 8;
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" />
      <circle cx="8.5" cy="9.5" r="1" fill="currentColor" stroke="none" />
      <circle cx="15.5" cy="9.5" r="1" fill="currentColor" stroke="none" />
      <path d={`M7.5 15.5 Q12 ${15.5 + bend} 16.5 15.5`} />
    </svg>
  );
}
