// The two jStat functions Samsyn uses (jstat ships no types).
declare module 'jstat' {
  const jStat: {
    normal: { inv(p: number, mean: number, sd: number): number };
    binomial: { cdf(k: number, n: number, p: number): number };
  };
  export default jStat;
}
