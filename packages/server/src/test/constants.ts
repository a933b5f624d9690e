/** The demo password in tests; the demo default, so test and README agree. */
export const testPassword = 'samsyn-demo';
