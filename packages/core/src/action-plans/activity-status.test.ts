import { describe, expect, it } from 'vitest';
import { activityStatus } from './activity-status.ts';

const activity = { start: '2027-01-10', end: '2027-03-31' };

describe('an activity’s status by date', () => {
  it('has not started before its start day and is ongoing from it', () => {
    expect(activityStatus(activity, '2027-01-09')).toBe('not_started');
    expect(activityStatus(activity, '2027-01-10')).toBe('ongoing');
  });

  it('turns soon late 14 days before its end, and late the day after its end', () => {
    expect(activityStatus(activity, '2027-03-17')).toBe('ongoing');
    expect(activityStatus(activity, '2027-03-18')).toBe('soon_late');
    expect(activityStatus(activity, '2027-03-31')).toBe('soon_late');
    expect(activityStatus(activity, '2027-04-01')).toBe('late');
  });

  it('follows a plan’s own warning period', () => {
    expect(activityStatus(activity, '2027-03-01', 31)).toBe('soon_late');
    expect(activityStatus(activity, '2027-03-01', 30)).toBe('ongoing');
  });

  it('stops moving once closed or on hold, from that day', () => {
    expect(activityStatus({ ...activity, closedOn: '2027-02-01' }, '2027-05-01')).toBe('closed');
    expect(activityStatus({ ...activity, closedOn: '2027-02-01' }, '2027-01-31')).toBe('ongoing');
    expect(activityStatus({ ...activity, onHoldSince: '2027-03-01' }, '2027-04-15')).toBe('on_hold');
  });

  it('counts calendar days across the change to summer time', () => {
    // Sweden moves its clocks on 2027-03-28; the dates are calendar dates, so nothing shifts.
    expect(activityStatus({ start: '2027-03-01', end: '2027-04-10' }, '2027-03-28')).toBe('soon_late');
    expect(activityStatus({ start: '2027-03-01', end: '2027-04-10' }, '2027-03-27')).toBe('ongoing');
  });
});
