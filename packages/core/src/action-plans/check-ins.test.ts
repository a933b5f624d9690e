import { describe, expect, it } from 'vitest';
import { countStatuses, nextCheckIn, recurringCheckIns } from './check-ins.ts';

describe('an activity’s check-ins', () => {
  const dates = ['2027-03-01', '2027-06-01', '2027-09-01'];

  it('reminds a week before the next check-in, and stays due until a review answers it', () => {
    expect(nextCheckIn(dates, null, 'ongoing', '2027-02-21')).toEqual({ nextCheckIn: '2027-03-01', checkInDue: false });
    expect(nextCheckIn(dates, null, 'ongoing', '2027-02-22')).toEqual({ nextCheckIn: '2027-03-01', checkInDue: true });
    expect(nextCheckIn(dates, null, 'ongoing', '2027-03-20')).toEqual({ nextCheckIn: '2027-03-01', checkInDue: true });
    expect(nextCheckIn(dates, '2027-03-02', 'ongoing', '2027-03-20')).toEqual({ nextCheckIn: '2027-06-01', checkInDue: false });
    // A review in the reminder week answers the check-in it was reminded of; one earlier does not.
    expect(nextCheckIn(dates, '2027-02-22', 'ongoing', '2027-02-23')).toEqual({ nextCheckIn: '2027-06-01', checkInDue: false });
    expect(nextCheckIn(dates, '2027-02-21', 'ongoing', '2027-02-23')).toEqual({ nextCheckIn: '2027-03-01', checkInDue: true });
  });

  it('has nothing due once closed or on hold, nor after the last check-in is answered', () => {
    expect(nextCheckIn(dates, null, 'closed', '2027-03-01').checkInDue).toBe(false);
    expect(nextCheckIn(dates, null, 'on_hold', '2027-03-01').checkInDue).toBe(false);
    expect(nextCheckIn(dates, '2027-09-01', 'late', '2027-12-01')).toEqual({ nextCheckIn: null, checkInDue: false });
  });

  it('makes quarterly dates within the period, keeping the day of the month where it exists', () => {
    expect(recurringCheckIns('2027-01-31', '2027-12-31', 3)).toEqual(['2027-04-30', '2027-07-31', '2027-10-31']);
    expect(recurringCheckIns('2027-01-15', '2027-03-14', 1)).toEqual(['2027-02-15']);
  });

  it('counts every status, zero included', () => {
    expect(countStatuses(['late', 'late', 'closed'])).toEqual({ not_started: 0, ongoing: 0, soon_late: 0, late: 2, on_hold: 0, closed: 1 });
  });
});
