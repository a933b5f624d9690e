import { describe, expect, it } from 'vitest';
import { findOutliers, median, medianAbsoluteDeviation } from './outliers.ts';

const users = (...counts: number[]) => counts.map((count, i) => ({ userId: `u${i}`, count }));

describe('median and MAD', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('measures spread as the median distance from the median', () => {
    expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
    expect(medianAbsoluteDeviation([5, 5, 5])).toBe(0);
  });
});

describe('outliers in a log review', () => {
  it('flags a user who opened many more records than their peers', () => {
    const result = findOutliers(users(1, 2, 1, 3, 2, 40));
    expect(result.outliers.map((u) => u.userId)).toEqual(['u5']);
    expect(result.median).toBe(2);
  });

  it('does not flag anyone below the minimum, however quiet the peers', () => {
    expect(findOutliers(users(1, 1, 1, 9)).outliers).toEqual([]);
    expect(findOutliers(users(1, 1, 1, 10)).outliers.map((u) => u.count)).toEqual([10]);
  });

  it('does not flag a busy team whose members all open many records', () => {
    expect(findOutliers(users(30, 35, 28, 40, 33)).outliers).toEqual([]);
  });

  it('lets one heavy user not raise the bar they are measured against', () => {
    const result = findOutliers(users(2, 3, 2, 4, 3, 2, 500));
    expect(result.threshold).toBeLessThan(10);
    expect(result.outliers).toHaveLength(1);
  });

  it('flags nobody in an empty period', () => {
    expect(findOutliers([]).outliers).toEqual([]);
  });

  it('sorts outliers with the most records first', () => {
    const result = findOutliers(users(1, 1, 1, 1, 1, 20, 50), { k: 3, minCount: 10 });
    expect(result.outliers.map((u) => u.count)).toEqual([50, 20]);
  });
});
