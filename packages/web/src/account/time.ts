const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** `2026-11-22 14:05`, in Stockholm time, whatever the UI language. */
export function formatDateTime(value: string): string {
  return dateTime.format(new Date(value));
}
